// Usage: tsx scripts/with-database.ts <development|test> <command> [args…]
// Starts (or reuses) the database for that environment, applies migrations, seeds it, then
// runs the command with DATABASE_URL pointing at it, and stops the database afterwards.
import { spawn } from "node:child_process";
import { generateSecrets } from "../lib/development-defaults";
import { migrateAndSeed, startDatabase } from "./lib/database";

const [target, command, ...args] = process.argv.slice(2);
if ((target !== "development" && target !== "test") || !command) {
  console.error("Usage: tsx scripts/with-database.ts <development|test> <command> [args…]");
  process.exit(2);
}

// A production build under test runs as APP_ENV=test (the local checkout refuses production),
// with secrets fresh for each run.
function testEnvironment(): Record<string, string> {
  return {
    ...generateSecrets(),
    APP_ENV: "test",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  };
}

async function main(): Promise<number> {
  const database = await startDatabase(target === "test" ? "test" : "development");
  let stopping: Promise<void> | undefined;
  const stopDatabase = () => (stopping ??= database.stop());
  try {
    await migrateAndSeed(database.url);
    const child = spawn(command!, args, {
      stdio: "inherit",
      env: {
        ...process.env,
        ...(target === "test" ? testEnvironment() : {}),
        DATABASE_URL: database.url,
      },
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
    await stopDatabase();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
