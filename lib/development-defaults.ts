// Outside production the app runs with no configuration: it talks to the embedded dev
// database and signs sessions with a secret generated once and kept under .data/.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { embeddedDatabaseUrl } from "./db/embedded-defaults";

const SECRETS_FILE = path.join(".data", "development-secrets.json");

type DevelopmentSecrets = { AUTH_SECRET: string };

function developmentSecrets(): DevelopmentSecrets {
  if (existsSync(SECRETS_FILE)) {
    return JSON.parse(readFileSync(SECRETS_FILE, "utf8")) as DevelopmentSecrets;
  }
  const secrets = { AUTH_SECRET: randomBytes(32).toString("base64url") };
  mkdirSync(path.dirname(SECRETS_FILE), { recursive: true });
  writeFileSync(SECRETS_FILE, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

export function applyDevelopmentDefaults(): void {
  if (process.env.NODE_ENV === "production") return;
  process.env.DATABASE_URL ??= embeddedDatabaseUrl("development");
  process.env.AUTH_SECRET ??= developmentSecrets().AUTH_SECRET;
}
