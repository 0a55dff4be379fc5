import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { applyDevelopmentDefaults } from "./lib/development-defaults";

applyDevelopmentDefaults();

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ["@prisma/adapter-pg", "rate-limiter-flexible"],
  typedRoutes: false,
};

export default withNextIntl(nextConfig);
