import { describe, expect, it } from "vitest";
import { hashToken } from "../accounts/tokens";
import { verifyCredentials } from "../auth/credentials";
import { LOGIN_FAILURES_PER_ACCOUNT } from "../auth/login-rate-limit";
import { db } from "../db/client";
import { createTestToken, newApiToken } from "../testing/api-tokens";
import { BUYER_PASSWORD, newBuyer } from "../testing/shop";
import { uniqueIp } from "../testing/users";
import { createApiTokenSchema } from "../validation/api";
import { apiTokensOf, MAX_ACTIVE_API_TOKENS, revokeApiToken, userIdForAuthorization } from "./tokens";

const DAY_MS = 86_400_000;
const bearer = (token: string) => `Bearer ${token}`;
const stored = (id: string) => db.apiToken.findUniqueOrThrow({ where: { id } });

describe("API tokens", () => {
  it("authenticate their owner until revoked", async () => {
    const buyer = await newBuyer();
    const { id, token } = await newApiToken(buyer);
    expect(token).toMatch(/^tabi_[A-Za-z0-9_-]{43}$/);

    expect(await userIdForAuthorization(bearer(token))).toBe(buyer.id);
    expect(await userIdForAuthorization(`bearer   ${token}`)).toBe(buyer.id);

    await revokeApiToken(buyer.id, id);
    expect(await userIdForAuthorization(bearer(token))).toBeNull();
    // Revoking again changes nothing, not even the time it was revoked.
    const { revokedAt } = await stored(id);
    await revokeApiToken(buyer.id, id);
    expect((await stored(id)).revokedAt).toEqual(revokedAt);
  });

  it("are stored only as a hash, with a short prefix to recognise them by", async () => {
    const buyer = await newBuyer();
    const { id, token } = await newApiToken(buyer);
    const row = await stored(id);
    expect(row.tokenHash).toBe(hashToken(token));
    expect(row.prefix).toBe(token.slice(0, 12));
    expect(Object.values(row).filter((value) => typeof value === "string" && value.includes(token.slice(12)))).toEqual(
      [],
    );
  });

  it("refuse missing, malformed and unknown credentials without an error", async () => {
    const buyer = await newBuyer();
    const { token } = await newApiToken(buyer);
    for (const header of [
      null,
      "",
      token,
      `Basic ${token}`,
      "Bearer",
      `Bearer ${token}x`,
      `Bearer ${token.slice(5)}`,
      `Bearer tabi_${"A".repeat(43)}`,
      `Bearer ${token} extra`,
    ]) {
      expect(await userIdForAuthorization(header), String(header)).toBeNull();
    }
  });

  it.each([
    { revoker: "the owner", works: false },
    { revoker: "another account", works: true },
  ])("revoked by $revoker: still works → $works", async ({ revoker, works }) => {
    const [owner, other] = await Promise.all([newBuyer(), newBuyer()]);
    const { id, token } = await newApiToken(owner);
    await revokeApiToken(revoker === "the owner" ? owner.id : other.id, id);
    expect(await userIdForAuthorization(bearer(token))).toBe(works ? owner.id : null);
    expect((await stored(id)).revokedAt === null).toBe(works);
  });

  it("record when they were last used, at most once a minute", async () => {
    const buyer = await newBuyer();
    const { id, token } = await newApiToken(buyer);
    const lastUsed = async () => (await stored(id)).lastUsedAt;
    expect(await lastUsed()).toBeNull();

    const first = new Date();
    await userIdForAuthorization(bearer(token), first);
    expect(await lastUsed()).toEqual(first);
    await userIdForAuthorization(bearer(token), new Date(first.getTime() + 59_000));
    expect(await lastUsed()).toEqual(first);
    const later = new Date(first.getTime() + 60_000);
    await userIdForAuthorization(bearer(token), later);
    expect(await lastUsed()).toEqual(later);
    // A refused token is not "used".
    await revokeApiToken(buyer.id, id);
    await userIdForAuthorization(bearer(token), new Date(later.getTime() + 120_000));
    expect(await lastUsed()).toEqual(later);
  });

  it.each([
    { expiresIn: undefined, days: 90 },
    { expiresIn: "30", days: 30 },
    { expiresIn: "90", days: 90 },
    { expiresIn: "365", days: 365 },
    { expiresIn: "never", days: null },
  ])("expire after $days days when created with $expiresIn", async ({ expiresIn, days }) => {
    const buyer = await newBuyer();
    const { id, token, expiresAt } = await newApiToken(buyer, expiresIn ? { expiresIn } : {});
    const row = await stored(id);
    expect(row.expiresAt).toEqual(expiresAt);
    if (days === null) {
      expect(row.expiresAt).toBeNull();
      expect(await userIdForAuthorization(bearer(token), new Date(Date.now() + 10 * 365 * DAY_MS))).toBe(buyer.id);
      return;
    }
    expect(row.expiresAt!.getTime() - row.createdAt.getTime()).toBe(days * DAY_MS);
    expect(await userIdForAuthorization(bearer(token), new Date(row.expiresAt!.getTime() - 1))).toBe(buyer.id);
    expect(await userIdForAuthorization(bearer(token), row.expiresAt!)).toBeNull();
  });

  it("refuse a lifetime the form does not offer", () => {
    for (const expiresIn of ["0", "7", "1000", "forever", ""]) {
      const parsed = createApiTokenSchema.safeParse({ name: "x", currentPassword: "y", expiresIn });
      expect(parsed.success, expiresIn).toBe(false);
      expect(parsed.error?.issues.map((issue) => issue.message)).toEqual(["token_expiry_invalid"]);
    }
  });

  it("are created only with the account's password, and wrong ones count like failed logins", async () => {
    const buyer = await newBuyer();
    const ip = uniqueIp();
    expect(await createTestToken(buyer, { currentPassword: "not my password" })).toEqual({
      status: "wrong_password",
    });
    expect(await db.apiToken.count({ where: { userId: buyer.id } })).toBe(0);

    for (let i = 1; i < LOGIN_FAILURES_PER_ACCOUNT; i += 1)
      expect((await createTestToken(buyer, { currentPassword: `guess ${i}` })).status).toBe("wrong_password");
    // The account is now locked for the login form and for this one, even with the right password.
    expect((await verifyCredentials({ email: buyer.email, password: BUYER_PASSWORD }, ip)).status).toBe("rate_limited");
    expect((await createTestToken(buyer)).status).toBe("rate_limited");
    expect(await db.apiToken.count({ where: { userId: buyer.id } })).toBe(0);
  });

  it("are listed newest first, with their state, without their hash", async () => {
    const buyer = await newBuyer();
    const older = await newApiToken(buyer, { name: "older" });
    const expired = await newApiToken(buyer, { name: "expired" });
    const newer = await newApiToken(buyer, { name: "newer", expiresIn: "never" });
    await db.apiToken.update({ where: { id: older.id }, data: { createdAt: new Date(Date.now() - 120_000) } });
    await db.apiToken.update({
      where: { id: expired.id },
      data: { createdAt: new Date(Date.now() - 60_000), expiresAt: new Date(Date.now() - 1) },
    });
    await revokeApiToken(buyer.id, older.id);

    const tokens = await apiTokensOf(buyer.id);
    expect(tokens.map((token) => [token.id, token.name, token.state])).toEqual([
      [newer.id, "newer", "active"],
      [expired.id, "expired", "expired"],
      [older.id, "older", "revoked"],
    ]);
    expect(tokens[0]!.expiresAt).toBeNull();
    expect(tokens.every((token) => !("tokenHash" in token))).toBe(true);
    expect(await apiTokensOf((await newBuyer()).id)).toEqual([]);
  });

  it(`are limited to ${MAX_ACTIVE_API_TOKENS} active per account, even when created at once`, async () => {
    const buyer = await newBuyer();
    // Each creation checks the password, and checks in flight at once count against the login
    // limit until they succeed, so the tokens are asked for in bursts the limit lets through.
    const statuses: string[] = [];
    for (let burst = 0; burst < MAX_ACTIVE_API_TOKENS + 3; burst += LOGIN_FAILURES_PER_ACCOUNT) {
      const size = Math.min(LOGIN_FAILURES_PER_ACCOUNT, MAX_ACTIVE_API_TOKENS + 3 - burst);
      const results = await Promise.all(
        Array.from({ length: size }, (_, i) => createTestToken(buyer, { name: `token ${burst + i}` })),
      );
      statuses.push(...results.map((result) => result.status));
    }
    expect(statuses.filter((status) => status === "created")).toHaveLength(MAX_ACTIVE_API_TOKENS);
    expect(statuses.filter((status) => status === "limit_reached")).toHaveLength(3);

    // Revoking one frees its place, and so does one expiring.
    const [first, second] = await apiTokensOf(buyer.id);
    await revokeApiToken(buyer.id, first!.id);
    expect((await createTestToken(buyer, { name: "replacement" })).status).toBe("created");
    expect((await createTestToken(buyer, { name: "one too many" })).status).toBe("limit_reached");
    await db.apiToken.update({ where: { id: second!.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect((await createTestToken(buyer, { name: "after an expiry" })).status).toBe("created");
  });
});
