import path from "node:path";
import { defineConfig } from "vitest/config";

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
    // Integration tests share one database; files run one after another.
    fileParallelism: false,
    testTimeout: 20_000,
  },
});
