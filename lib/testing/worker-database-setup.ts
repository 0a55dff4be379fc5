// Runs in each test worker before a test file loads: points the file at its worker's own copy
// of the test database (lib/testing/worker-databases.ts), before anything reads DATABASE_URL.
import { workerDatabaseUrl } from "./worker-databases";

const poolId = process.env.VITEST_POOL_ID;
if (process.env.DATABASE_URL && poolId && !process.env.DATABASE_URL.endsWith(`_w${poolId}`)) {
  process.env.DATABASE_URL = workerDatabaseUrl(process.env.DATABASE_URL, poolId);
}
