import { describe, expect, it } from "vitest";
import { InvalidConfigurationError, parseEnv } from "./env";

const production = {
  NODE_ENV: "production",
  DATABASE_URL: "postgresql://tabi:secret@db.internal:5432/tabi",
  AUTH_SECRET: "x".repeat(32),
  STRIPE_SECRET_KEY: "sk_live_abc123",
  STRIPE_WEBHOOK_SECRET: "whsec_abc123",
  APP_URL: "https://tabi.example/",
  AUTH_URL: "https://tabi.example",
  SMTP_URL: "smtps://mailer:secret@smtp.example:465",
} as const;

describe("parseEnv", () => {
  it("accepts a complete production configuration", () => {
    expect(parseEnv(production)).toMatchObject({
      APP_ENV: "production",
      LOG_LEVEL: "info",
      DATABASE_URL: production.DATABASE_URL,
      APP_URL: "https://tabi.example",
    });
  });

  it("requires the public URL and a mail server in production, and defaults both elsewhere", () => {
    const attempt = () => parseEnv({ ...production, APP_URL: undefined, SMTP_URL: undefined });
    expect(attempt).toThrow(/APP_URL: is required in production/);
    expect(attempt).toThrow(/SMTP_URL: is required in production/);
    expect(
      parseEnv({
        ...production,
        APP_ENV: "development",
        TABI_SANDBOX: "1",
        STRIPE_SECRET_KEY: undefined,
        APP_URL: undefined,
        SMTP_URL: undefined,
      }),
    ).toMatchObject({
      APP_URL: "http://127.0.0.1:3000",
      SMTP_URL: "smtp://127.0.0.1:1025",
    });
  });

  it("names each missing variable", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrowError(
      expect.objectContaining({
        name: "InvalidConfigurationError",
        message: expect.stringMatching(
          /DATABASE_URL: .*\n\s+AUTH_SECRET: is required.*\n\s+STRIPE_WEBHOOK_SECRET: is required/s,
        ),
      }),
    );
  });

  it("names a malformed variable and says what is expected", () => {
    const attempt = () => parseEnv({ ...production, DATABASE_URL: "mysql://db/tabi", AUTH_SECRET: "short" });
    expect(attempt).toThrow(InvalidConfigurationError);
    expect(attempt).toThrow(/DATABASE_URL: must be a postgresql:\/\/ connection URL/);
    expect(attempt).toThrow(/AUTH_SECRET: must be at least 32 characters/);
  });

  it("requires real Stripe in production, where the local checkout refuses to run", () => {
    expect(() => parseEnv({ ...production, STRIPE_SECRET_KEY: undefined })).toThrow(
      /STRIPE_SECRET_KEY: is required in production/,
    );
  });

  it("refuses a live Stripe key outside production", () => {
    expect(() => parseEnv({ ...production, APP_ENV: "test", TABI_SANDBOX: "1" })).toThrow(
      /STRIPE_SECRET_KEY: must be a test-mode key/,
    );
    expect(
      parseEnv({ ...production, APP_ENV: "test", TABI_SANDBOX: "1", STRIPE_SECRET_KEY: "sk_test_abc" }).APP_ENV,
    ).toBe("test");
  });

  it("requires AUTH_URL in production, on APP_URL's origin, so Auth.js never builds a redirect from a Host header", () => {
    expect(() => parseEnv({ ...production, AUTH_URL: undefined })).toThrow(/AUTH_URL: is required in production/);
    expect(() => parseEnv({ ...production, AUTH_URL: "https://evil.example" })).toThrow(
      /AUTH_URL: must have the same origin as APP_URL/,
    );
    expect(() => parseEnv({ ...production, AUTH_URL: "https://tabi.example/auth" })).toThrow(
      /AUTH_URL: must be the app's origin/,
    );
    expect(parseEnv({ ...production, AUTH_URL: "https://tabi.example/api/auth" }).AUTH_URL).toBe(
      "https://tabi.example/api/auth",
    );
    const sandbox = { ...production, APP_ENV: "test", TABI_SANDBOX: "1", STRIPE_SECRET_KEY: undefined } as const;
    expect(parseEnv({ ...sandbox, AUTH_URL: undefined }).AUTH_URL).toBeUndefined();
  });

  it("refuses a production build that is not production unless it says it is a sandbox", () => {
    for (const APP_ENV of ["test", "development"] as const) {
      const build = { ...production, APP_ENV, STRIPE_SECRET_KEY: "sk_test_abc" };
      expect(() => parseEnv(build)).toThrow(new RegExp(`APP_ENV: is ${APP_ENV} in a production build`));
      expect(parseEnv({ ...build, TABI_SANDBOX: "1" })).toMatchObject({ APP_ENV, TABI_SANDBOX: "1" });
      expect(() => parseEnv({ ...build, TABI_SANDBOX: "yes" })).toThrow(/TABI_SANDBOX: must be 1 or unset/);
    }
    expect(() => parseEnv({ ...production, TABI_SANDBOX: "1" })).toThrow(
      /TABI_SANDBOX: must not be set with APP_ENV=production/,
    );
    // Outside a production build there is nothing to guard.
    expect(
      parseEnv({ ...production, NODE_ENV: "development", APP_ENV: undefined, STRIPE_SECRET_KEY: undefined }),
    ).toMatchObject({ APP_ENV: "development" });
  });
});
