import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { applyDevelopmentDefaults } from "./lib/development-defaults";

applyDevelopmentDefaults();

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ["@prisma/adapter-pg", "rate-limiter-flexible"],
  typedRoutes: false,
  // Benchmark builds add pages that exist only to be measured against (`*.benchmark.tsx`).
  pageExtensions: ["ts", "tsx", ...(process.env.BENCHMARK_PAGES === "1" ? ["benchmark.tsx"] : [])],
};

export default withNextIntl(nextConfig);
