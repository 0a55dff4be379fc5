import path from "node:path";
import { defineConfig } from "vitest/config";
import { TEST_WORKERS } from "./lib/testing/worker-databases";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // The marker package throws outside React's server build; tests run server code directly.
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "app/**/*.test.ts", "prisma/**/*.test.ts", "messages/**/*.test.ts"],
    environment: "node",
    // Tests provoke failures on purpose (unreachable webhooks, a mail server that is down).
    env: { LOG_LEVEL: "error" },
    // next-auth imports "next/server" without an extension, which only a bundler resolves.
    server: { deps: { inline: ["next-auth", "@auth/core"] } },
    // Files run in parallel workers, each on its own copy of the test database.
    globalSetup: ["lib/testing/worker-databases.ts"],
    setupFiles: ["lib/testing/worker-database-setup.ts", "lib/testing/no-overlapping-queries.ts"],
    maxWorkers: TEST_WORKERS,
    testTimeout: 20_000,
  },
});
