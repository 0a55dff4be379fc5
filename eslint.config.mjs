import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    // Leaving fields out of an object with a rest pattern is the point, not an unused variable.
    rules: { "@typescript-eslint/no-unused-vars": ["warn", { ignoreRestSiblings: true }] },
  },
  {
    // Data flows one way: pages and server actions call lib/, never the reverse. Tests and the
    // test helpers in lib/testing may drive app routes (the Auth.js and webhook handlers).
    files: ["lib/**"],
    ignores: ["**/*.test.ts", "lib/testing/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              // "@/app/…", or a relative path that climbs out into app/ ("../../app/…"); a name
              // that merely starts with "app" (./app-config) is not app/.
              regex: "^(?:@/|(?:\\./)?(?:\\.\\./)+)app(?:/|$)",
              message:
                "lib/ never depends on pages: app/ imports lib/, not the other way round. Move what both need into lib/.",
            },
          ],
        },
      ],
    },
  },
  {
    // The schemas run in the browser too, where zod must not probe for eval (lib/validation/zod.ts).
    files: ["lib/validation/**"],
    ignores: ["**/*.test.ts", "lib/validation/zod.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "zod", message: 'Import z from "./zod", which configures it first.', allowTypeImports: true },
          ],
        },
      ],
    },
  },
  globalIgnores([
    ".next/**",
    ".data/**",
    "node_modules/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
  ]),
]);
