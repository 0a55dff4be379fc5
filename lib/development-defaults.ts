// Outside production the app runs with no configuration: it talks to the embedded dev
// database and signs sessions with a secret generated once and kept under .data/.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { embeddedDatabaseUrl } from "./db/embedded-defaults";

const SECRETS_FILE = path.join(".data", "development-secrets.json");

type DevelopmentSecrets = { AUTH_SECRET: string; STRIPE_WEBHOOK_SECRET: string };

export function generateSecrets(): DevelopmentSecrets {
  return {
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    // Signs the local checkout's webhook events, as Stripe's whsec_ secrets do.
    STRIPE_WEBHOOK_SECRET: `whsec_${randomBytes(24).toString("hex")}`,
  };
}

function developmentSecrets(): DevelopmentSecrets {
  const saved = existsSync(SECRETS_FILE)
    ? (JSON.parse(readFileSync(SECRETS_FILE, "utf8")) as Partial<DevelopmentSecrets>)
    : {};
  // Secrets added in later versions are generated for checkouts that already have the file.
  const secrets = { ...generateSecrets(), ...saved };
  if (Object.keys(saved).length === Object.keys(secrets).length) return secrets;
  mkdirSync(path.dirname(SECRETS_FILE), { recursive: true });
  writeFileSync(SECRETS_FILE, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

export function applyDevelopmentDefaults(): void {
  if (process.env.NODE_ENV === "production") return;
  process.env.DATABASE_URL ??= embeddedDatabaseUrl("development");
  const secrets = developmentSecrets();
  process.env.AUTH_SECRET ??= secrets.AUTH_SECRET;
  process.env.STRIPE_WEBHOOK_SECRET ??= secrets.STRIPE_WEBHOOK_SECRET;
}
