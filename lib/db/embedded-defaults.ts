// Where the project-local PostgreSQL clusters live when DATABASE_URL is not set.
// Development and tests get separate clusters so tests never touch dev data; the fault-injection
// suite (`npm run chaos`) gets its own, since it stops and starts it.
export const embeddedClusters = {
  development: { dataDir: ".data/postgres-dev", port: 54329, database: "tabi" },
  test: { dataDir: ".data/postgres-test", port: 54339, database: "tabi_test" },
  chaos: { dataDir: ".data/chaos/postgres", port: 54350, database: "tabi_chaos" },
} as const;

export type EmbeddedClusterName = keyof typeof embeddedClusters;

export const embeddedCredentials = { user: "postgres", password: "tabi-local" } as const;

export function embeddedDatabaseUrl(name: EmbeddedClusterName): string {
  const { port, database } = embeddedClusters[name];
  const { user, password } = embeddedCredentials;
  return `postgresql://${user}:${password}@127.0.0.1:${port}/${database}`;
}
