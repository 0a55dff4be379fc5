import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { applyDevelopmentDefaults } from "./lib/development-defaults";

applyDevelopmentDefaults();

// Messages are compiled when the app is built, so neither the browser nor the server parses ICU
// syntax at run time: the parser leaves the client bundle (about 9 kB gzip) and pages format
// their text faster.
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  experimental: { messages: { path: "./messages", format: "json", locales: "infer", precompile: true } },
});

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // An ETag is a hash of the whole page, computed in JavaScript on every request for a cached
  // page: a fifth of the server's time when serving the plan list. Pages are cached for a minute
  // and the browser asks again anyway, so the 304s it allowed saved little.
  generateEtags: false,
  serverExternalPackages: ["@prisma/adapter-pg", "rate-limiter-flexible"],
  typedRoutes: false,
  // Every form posts text fields only (no files); the longest, with a 2 kB callback path and
  // three 128-character passwords percent-encoded, is under 8 kB. Next's default is 1 MB.
  experimental: { serverActions: { bodySizeLimit: "16kb" } },
  // Benchmark builds add pages that exist only to be measured against (`*.benchmark.tsx`).
  pageExtensions: ["ts", "tsx", ...(process.env.BENCHMARK_PAGES === "1" ? ["benchmark.tsx"] : [])],
};

export default withNextIntl(nextConfig);
