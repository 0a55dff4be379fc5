import "server-only";
import { InvalidConfigurationError, env } from "./env";

// Loaded once when the server starts: a missing or malformed variable stops it here, with a
// message naming the variable, instead of failing on the first request.
try {
  env();
} catch (error) {
  if (!(error instanceof InvalidConfigurationError)) throw error;
  console.error(`\n${error.message}\n\nSee the environment variable table in README.md.\n`);
  process.exit(1);
}
