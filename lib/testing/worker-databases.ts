// Test files run two at a time, each worker on a database of its own: a copy of the migrated
// and seeded test database (scripts/with-services.ts made it), so files in different workers
// never see each other's rows, and each file sees the seed exactly as it was.
import pg from "pg";

export const TEST_WORKERS = 2;

export function workerDatabaseUrl(baseUrl: string, poolId: string | number): string {
  const url = new URL(baseUrl);
  url.pathname = `${url.pathname}_w${poolId}`;
  return url.toString();
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
const nameOf = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));

// Vitest's global setup: one fresh copy per worker, made before any test file starts.
export default async function createWorkerDatabases() {
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) throw new Error("DATABASE_URL is not set: run the tests through `npm run test:unit`");
  const admin = new URL(baseUrl);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    for (let poolId = 1; poolId <= TEST_WORKERS; poolId++) {
      const copy = quoted(nameOf(workerDatabaseUrl(baseUrl, poolId)));
      await client.query(`DROP DATABASE IF EXISTS ${copy} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${copy} TEMPLATE ${quoted(nameOf(baseUrl))}`);
    }
  } finally {
    await client.end();
  }
}
