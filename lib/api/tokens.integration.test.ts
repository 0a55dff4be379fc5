import { describe, expect, it } from "vitest";
import { hashToken } from "../accounts/tokens";
import { db } from "../db/client";
import { newBuyer } from "../testing/shop";
import { apiTokensOf, createApiToken, MAX_ACTIVE_API_TOKENS, revokeApiToken, userIdForAuthorization } from "./tokens";

async function created(userId: string, name = "Booking system") {
  const result = await createApiToken(userId, name);
  if (result.status !== "created") throw new Error(`token not created: ${result.status}`);
  return result;
}

const bearer = (token: string) => `Bearer ${token}`;

describe("API tokens", () => {
  it("authenticate their owner until revoked", async () => {
    const buyer = await newBuyer();
    const { id, token } = await created(buyer.id);
    expect(token).toMatch(/^tabi_[A-Za-z0-9_-]{43}$/);

    expect(await userIdForAuthorization(bearer(token))).toBe(buyer.id);
    expect(await userIdForAuthorization(`bearer   ${token}`)).toBe(buyer.id);

    await revokeApiToken(buyer.id, id);
    expect(await userIdForAuthorization(bearer(token))).toBeNull();
    // Revoking again changes nothing, not even the time it was revoked.
    const { revokedAt } = await db.apiToken.findUniqueOrThrow({ where: { id } });
    await revokeApiToken(buyer.id, id);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).revokedAt).toEqual(revokedAt);
  });

  it("are stored only as a hash, with a short prefix to recognise them by", async () => {
    const buyer = await newBuyer();
    const { id, token } = await created(buyer.id);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(row.prefix).toBe(token.slice(0, 12));
    expect(Object.values(row).filter((value) => typeof value === "string" && value.includes(token.slice(12)))).toEqual(
      [],
    );
  });

  it("refuse missing, malformed and unknown credentials without an error", async () => {
    const buyer = await newBuyer();
    const { token } = await created(buyer.id);
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

  it("can be revoked only by their owner", async () => {
    const [owner, other] = await Promise.all([newBuyer(), newBuyer()]);
    const { id, token } = await created(owner.id);
    await revokeApiToken(other.id, id);
    expect(await userIdForAuthorization(bearer(token))).toBe(owner.id);
  });

  it("record when they were last used, at most once a minute", async () => {
    const buyer = await newBuyer();
    const { id, token } = await created(buyer.id);
    const lastUsed = async () => (await db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt;
    expect(await lastUsed()).toBeNull();

    const first = new Date();
    await userIdForAuthorization(bearer(token), first);
    expect(await lastUsed()).toEqual(first);
    await userIdForAuthorization(bearer(token), new Date(first.getTime() + 59_000));
    expect(await lastUsed()).toEqual(first);
    const later = new Date(first.getTime() + 60_000);
    await userIdForAuthorization(bearer(token), later);
    expect(await lastUsed()).toEqual(later);
  });

  it("are listed newest first, without their hash", async () => {
    const buyer = await newBuyer();
    const older = await created(buyer.id, "older");
    const newer = await created(buyer.id, "newer");
    await db.apiToken.update({ where: { id: older.id }, data: { createdAt: new Date(Date.now() - 60_000) } });
    await revokeApiToken(buyer.id, older.id);

    const tokens = await apiTokensOf(buyer.id);
    expect(tokens.map((token) => [token.id, token.name, token.revokedAt !== null])).toEqual([
      [newer.id, "newer", false],
      [older.id, "older", true],
    ]);
    expect(tokens.every((token) => !("tokenHash" in token))).toBe(true);
    expect(await apiTokensOf((await newBuyer()).id)).toEqual([]);
  });

  it(`are limited to ${MAX_ACTIVE_API_TOKENS} active per account, even when created at once`, async () => {
    const buyer = await newBuyer();
    const results = await Promise.all(
      Array.from({ length: MAX_ACTIVE_API_TOKENS + 3 }, (_, i) => createApiToken(buyer.id, `token ${i}`)),
    );
    const statuses = results.map((result) => result.status);
    expect(statuses.filter((status) => status === "created")).toHaveLength(MAX_ACTIVE_API_TOKENS);
    expect(statuses.filter((status) => status === "limit_reached")).toHaveLength(3);

    // Revoking one frees its place.
    const [first] = await apiTokensOf(buyer.id);
    await revokeApiToken(buyer.id, first!.id);
    expect((await createApiToken(buyer.id, "replacement")).status).toBe("created");
    expect((await createApiToken(buyer.id, "one too many")).status).toBe("limit_reached");
  });
});
