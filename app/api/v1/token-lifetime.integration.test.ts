import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { newApiToken } from "@/lib/testing/api-tokens";
import { newBuyer } from "@/lib/testing/shop";
import { GET as listEsims } from "./esims/route";

const esims = (token: string) =>
  listEsims(new Request("http://127.0.0.1/api/v1/esims", { headers: { authorization: `Bearer ${token}` } }), {
    params: Promise.resolve({}),
  });

describe("an API token's lifetime", () => {
  it("ends at its expiry: the API answers 401 invalid_token, as for a revoked token", async () => {
    const buyer = await newBuyer();
    const { id, token, expiresAt } = await newApiToken(buyer);
    expect(expiresAt!.getTime() - Date.now()).toBeGreaterThan(89 * 86_400_000);
    expect((await esims(token)).status).toBe(200);

    await db.apiToken.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const response = await esims(token);
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toContain('error="invalid_token"');
    expect(await response.json()).toEqual({
      error: { code: "invalid_token", message: expect.stringContaining("expired") },
    });
  });

  it("records its last use through the API, at most once a minute", async () => {
    const buyer = await newBuyer();
    const { id, token } = await newApiToken(buyer);
    const lastUsed = async () => (await db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt;

    const before = new Date();
    expect((await esims(token)).status).toBe(200);
    const first = await lastUsed();
    expect(first!.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect((await esims(token)).status).toBe(200);
    expect(await lastUsed()).toEqual(first);

    const aMinuteAgo = new Date(first!.getTime() - 60_000);
    await db.apiToken.update({ where: { id }, data: { lastUsedAt: aMinuteAgo } });
    expect((await esims(token)).status).toBe(200);
    expect((await lastUsed())!.getTime()).toBeGreaterThanOrEqual(first!.getTime());
  });
});
