import { existsSync } from "node:fs";
import { defineConfig } from "prisma/config";
import { embeddedDatabaseUrl } from "./lib/db/embedded-defaults";
import { migrationAdapter } from "./lib/db/migration-adapter";

// A config file turns off Prisma's own .env loading; without a resolvable DATABASE_URL the
// CLI cannot read `engineType` and tries to download the native query engine.
if (existsSync(".env")) process.loadEnvFile(".env");
process.env.DATABASE_URL ??= embeddedDatabaseUrl("development");
const databaseUrl = process.env.DATABASE_URL;

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx --conditions=react-server prisma/seed.ts" },
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => migrationAdapter(databaseUrl),
});
