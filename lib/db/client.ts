import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import pg from "pg";
import { env } from "../env";

// One pool per process, shared by Prisma and the rate limiters; kept on globalThis so that
// dev-server hot reloads do not open a new pool each time.
const globalForDb = globalThis as unknown as { pool?: pg.Pool; db?: PrismaClient };

export const pool = (globalForDb.pool ??= new pg.Pool({
  connectionString: env().DATABASE_URL,
  max: 10,
  // A database that accepts no connection (down, restarting, unreachable) fails the request in
  // seconds, answered 503, instead of holding it until the operating system gives up.
  connectionTimeoutMillis: 5_000,
}));

export const db = (globalForDb.db ??= new PrismaClient({ adapter: new PrismaPg(pool) }));
