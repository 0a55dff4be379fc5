import { describe, expect, it } from "vitest";
import { expiresAfter, hashToken, isExpired, looksLikeToken, newToken } from "./tokens";

describe("emailed link tokens", () => {
  it("carry 256 random bits and are stored as their SHA-256 hash", () => {
    const { token, hash } = newToken();
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(hashToken(token));
    expect(hash).not.toContain(token);
  });

  it("never repeat", () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => newToken().token));
    expect(tokens.size).toBe(1000);
  });

  it("are recognised by shape before any lookup", () => {
    expect(looksLikeToken(newToken().token)).toBe(true);
    expect(looksLikeToken("short")).toBe(false);
    expect(looksLikeToken(`${newToken().token}'; DROP TABLE users;--`)).toBe(false);
  });

  it("expire at their time and not before", () => {
    const now = new Date("2026-11-25T00:00:00Z");
    const expiresAt = expiresAfter(60_000, now);
    expect(isExpired(expiresAt, new Date("2026-11-25T00:00:59Z"))).toBe(false);
    expect(isExpired(expiresAt, new Date("2026-11-25T00:01:00Z"))).toBe(true);
    expect(isExpired(null, now)).toBe(true);
  });
});
