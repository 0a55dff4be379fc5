// The driver adapter Prisma's JavaScript schema engine migrates through. Prisma 7's CLI
// downloads a native schema engine, which cannot be reached offline, so the project stays on
// Prisma 6.19 with `engine: "js"`; this module holds every workaround that setup needs.
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

const PG_CHAR_OID = 18;
const PG_NAME_OID = 19;
const PG_TEXT_OID = 25;

type QueryResultLike = { fields?: { dataTypeID: number }[] };

// prisma/prisma#27403: adapter-pg has no column type for Postgres `name` and `"char"`, which
// the schema engine's catalog queries return. Both are plain strings, so report them as text.
function reportCatalogTypesAsText<T>(result: T): T {
  for (const field of (result as QueryResultLike)?.fields ?? []) {
    if (field.dataTypeID === PG_NAME_OID || field.dataTypeID === PG_CHAR_OID) {
      field.dataTypeID = PG_TEXT_OID;
    }
  }
  return result;
}

class CatalogAwareClient extends pg.Client {}
const clientQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
CatalogAwareClient.prototype.query = function query(this: pg.Client, ...args: unknown[]) {
  // pg.Pool#query hands its client a callback; direct callers get a promise.
  const callback = args.at(-1);
  if (typeof callback === "function") {
    args[args.length - 1] = (error: Error | null, result: unknown) =>
      callback(error, error ? result : reportCatalogTypesAsText(result));
    return clientQuery.apply(this, args);
  }
  const pending = clientQuery.apply(this, args);
  return pending instanceof Promise ? pending.then(reportCatalogTypesAsText) : pending;
} as pg.Client["query"];

// A connection string would override the shadow database's name that adapter-pg passes
// alongside it, so the pool gets its settings as separate fields.
function poolConfigFrom(databaseUrl: string): pg.PoolConfig {
  const url = new URL(databaseUrl);
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : 5432,
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.slice(1)),
    ssl: url.searchParams.get("sslmode") === "require" ? { rejectUnauthorized: false } : undefined,
    Client: CatalogAwareClient,
    // Idle pools must not keep the CLI process alive after its work is done.
    allowExitOnIdle: true,
  };
}

type ScriptRunner = {
  executeScript(script: string): Promise<void>;
};
type AdapterInternals = { client: pg.Pool; onError(error: unknown): never };

// adapter-pg splits a migration at every ";" (inside a function body or a comment too) and runs
// the pieces one by one, so a migration defining a PL/pgSQL trigger function cannot run.
// Postgres takes the whole script as one multi-statement query, which also makes each
// migration all-or-nothing.
function runScriptsWhole<Adapter extends ScriptRunner>(adapter: Adapter): Adapter {
  const internals = adapter as unknown as AdapterInternals;
  adapter.executeScript = async (script: string) => {
    try {
      await internals.client.query(script);
    } catch (error) {
      internals.onError(error);
    }
  };
  return adapter;
}

class MigrationAdapterFactory extends PrismaPg {
  constructor(private readonly poolConfig: pg.PoolConfig) {
    super(poolConfig);
  }

  override async connect() {
    return runScriptsWhole(await super.connect());
  }

  // adapter-pg drops the shadow database while its own pool is still connected to it, which
  // Postgres refuses ("is being accessed by other users"): close that pool first.
  override async connectToShadowDb() {
    const main = await this.connect();
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    await main.executeScript(`CREATE DATABASE "${database}"`);
    const shadowPool = new pg.Pool({ ...this.poolConfig, database });
    const shadow = runScriptsWhole(await new PrismaPg(shadowPool, { disposeExternalPool: true }).connect());
    const disposeShadow = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await disposeShadow();
      await main.executeScript(`DROP DATABASE "${database}"`);
      await main.dispose();
    };
    return shadow;
  }
}

export function migrationAdapter(databaseUrl: string): PrismaPg {
  return new MigrationAdapterFactory(poolConfigFrom(databaseUrl));
}
