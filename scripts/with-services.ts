// Usage: tsx scripts/with-services.ts <development|test> <command> [args…]
// Starts (or reuses) what the app talks to for that environment — the database (migrated and
// seeded) and, unless SMTP_URL is set, the local mail catcher — runs the command with their
// addresses in its environment, and stops them afterwards.
import { spawn } from "node:child_process";
import { generateSecrets } from "../lib/development-defaults";
import { migrateAndSeed, startDatabase } from "./lib/database";
import { startMailCatcher } from "./lib/mail-catcher";

const [target, command, ...args] = process.argv.slice(2);
if ((target !== "development" && target !== "test") || !command) {
  console.error("Usage: tsx scripts/with-services.ts <development|test> <command> [args…]");
  process.exit(2);
}

// The production build under test runs as APP_ENV=test (the local checkout refuses
// production), which a production build only accepts as a declared sandbox, on port 3100,
// with secrets fresh for each run. Auth.js builds its URLs on AUTH_URL, as in production.
function testEnvironment(): Record<string, string> {
  return {
    ...generateSecrets(),
    APP_ENV: "test",
    TABI_SANDBOX: "1",
    APP_URL: "http://127.0.0.1:3100",
    AUTH_URL: "http://127.0.0.1:3100",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  };
}

async function main(): Promise<number> {
  const stops: (() => Promise<void>)[] = [];
  try {
    const database = await startDatabase(target === "test" ? "test" : "development");
    stops.push(database.stop);
    await migrateAndSeed(database.url);
    const services: Record<string, string> = { DATABASE_URL: database.url };
    if (!process.env.SMTP_URL) {
      const mail = await startMailCatcher(target === "test" ? "test" : "development");
      stops.push(mail.stop);
      Object.assign(services, { SMTP_URL: mail.smtpUrl, MAIL_CATCHER_URL: mail.inboxUrl });
      console.log(`Mail catcher: SMTP ${mail.smtpUrl}, inbox ${mail.inboxUrl}`);
    }

    const child = spawn(command!, args, {
      stdio: "inherit",
      env: { ...process.env, ...(target === "test" ? testEnvironment() : {}), ...services },
    });
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.on(signal, () => child.kill(signal));
    }
    return await new Promise<number>((resolve) => {
      child.on("error", (error) => {
        console.error(error);
        resolve(1);
      });
      child.on("close", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    });
  } finally {
    for (const stop of stops.reverse()) await stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
