import { describe, expect, it } from "vitest";
import { InvalidConfigurationError, parseEnv } from "./env";

const complete = {
  NODE_ENV: "production",
  DATABASE_URL: "postgresql://tabi:secret@db.internal:5432/tabi",
  AUTH_SECRET: "x".repeat(32),
} as const;

describe("parseEnv", () => {
  it("accepts a complete production configuration", () => {
    expect(parseEnv(complete)).toMatchObject({ DATABASE_URL: complete.DATABASE_URL, LOG_LEVEL: "info" });
  });

  it("names each missing variable", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrowError(
      expect.objectContaining({
        name: "InvalidConfigurationError",
        message: expect.stringMatching(/DATABASE_URL: .*\n\s+AUTH_SECRET: is required/s),
      }),
    );
  });

  it("names a malformed variable and says what is expected", () => {
    const attempt = () => parseEnv({ ...complete, DATABASE_URL: "mysql://db/tabi", AUTH_SECRET: "short" });
    expect(attempt).toThrow(InvalidConfigurationError);
    expect(attempt).toThrow(/DATABASE_URL: must be a postgresql:\/\/ connection URL/);
    expect(attempt).toThrow(/AUTH_SECRET: must be at least 32 characters/);
  });
});
