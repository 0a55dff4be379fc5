import { describe, expect, it } from "vitest";
import { pruneExpiredIdempotencyKeys } from "@/lib/api/idempotency";
import { db } from "@/lib/db/client";
import { apiPost, newIdempotencyKey, noParams } from "@/lib/testing/api-requests";
import { newApiToken } from "@/lib/testing/api-tokens";
import { conformanceProblems } from "@/lib/testing/openapi-conformance";
import { newBuyer } from "@/lib/testing/shop";
import { POST as postOrder } from "./orders/route";

async function buyerWithToken() {
  const buyer = await newBuyer();
  return { buyer, token: (await newApiToken(buyer)).token };
}

const order = (token: string, body: unknown, key?: string) =>
  postOrder(apiPost("/orders", token, body, key === undefined ? {} : { "idempotency-key": key }), noParams);

const ordersOf = (userId: string) => db.order.count({ where: { userId } });

describe("Idempotency-Key on the API's POSTs", () => {
  it("replays the first answer to a retry with the same key, and orders once", async () => {
    const { buyer, token } = await buyerWithToken();
    const key = newIdempotencyKey();
    const first = await order(token, { plan: "au-1gb-3d", quantity: 2 }, key);
    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const answer = await first.json();

    // The same parameters in another key order are the same request.
    const retry = await order(token, { quantity: 2, plan: "au-1gb-3d" }, key);
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.headers.get("ratelimit-limit")).toBe("100");
    expect(await conformanceProblems("/orders", "post", retry)).toEqual([]);
    expect(await retry.json()).toEqual(answer);
    expect(await ordersOf(buyer.id)).toBe(1);

    // Without a key each POST is its own order.
    await order(token, { plan: "au-1gb-3d" });
    expect(await ordersOf(buyer.id)).toBe(2);
  });

  it("answers 409 to the same key with other parameters or on another endpoint", async () => {
    const { buyer, token } = await buyerWithToken();
    const key = newIdempotencyKey();
    expect((await order(token, { plan: "au-1gb-3d" }, key)).status).toBe(201);

    const changed = await order(token, { plan: "au-1gb-3d", quantity: 2 }, key);
    expect(changed.status).toBe(409);
    expect(await conformanceProblems("/orders", "post", changed)).toEqual([]);
    expect(await changed.json()).toMatchObject({ error: { code: "idempotency_key_reused" } });
    expect(await ordersOf(buyer.id)).toBe(1);
  });

  it("keeps keys apart per account", async () => {
    const one = await buyerWithToken();
    const other = await buyerWithToken();
    const key = newIdempotencyKey();
    expect((await order(one.token, { plan: "au-1gb-3d" }, key)).status).toBe(201);
    const theirs = await order(other.token, { plan: "au-1gb-3d" }, key);
    expect(theirs.status).toBe(201);
    expect(theirs.headers.get("idempotent-replayed")).toBeNull();
    expect(await ordersOf(other.buyer.id)).toBe(1);
  });

  it("keeps no answer to a refused request, so the key can be sent again corrected", async () => {
    const { buyer, token } = await buyerWithToken();
    const key = newIdempotencyKey();
    expect((await order(token, { plan: "au-1gb-3d", quantity: 9 }, key)).status).toBe(400);
    const corrected = await order(token, { plan: "au-1gb-3d", quantity: 1 }, key);
    expect(corrected.status).toBe(201);
    expect(await ordersOf(buyer.id)).toBe(1);
  });

  it.each([
    ["empty", ""],
    ["too long", "k".repeat(256)],
    ["with a space", "my key"],
  ])("refuses a key that is %s", async (_case, key) => {
    const { buyer, token } = await buyerWithToken();
    const response = await order(token, { plan: "au-1gb-3d" }, key);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { code: "invalid_request", message: expect.stringContaining("Idempotency-Key") },
    });
    expect(await ordersOf(buyer.id)).toBe(0);
  });

  it("accepts a key of 255 characters", async () => {
    const { token } = await buyerWithToken();
    expect((await order(token, { plan: "au-1gb-3d" }, "k".repeat(255))).status).toBe(201);
  });

  it("issues exactly one eSIM for any number of retries of a sandbox test-card order, at once or later", async () => {
    const { buyer, token } = await buyerWithToken();
    const key = newIdempotencyKey();
    const body = { plan: "au-1gb-3d", payment: "test_card", test_card: "4242424242424242" };

    const concurrent = await Promise.all(Array.from({ length: 6 }, () => order(token, body, key)));
    const statuses = concurrent.map((response) => response.status);
    expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
    expect(statuses).toContain(201);
    for (const response of concurrent.filter((r) => r.status === 409)) {
      expect(await response.json()).toMatchObject({ error: { code: "idempotency_key_in_progress" } });
      expect(response.headers.get("retry-after")).toBe("1");
    }
    const answers = await Promise.all(concurrent.filter((r) => r.status === 201).map((r) => r.json()));

    for (let retry = 0; retry < 3; retry++) {
      const later = await order(token, body, key);
      expect(later.status).toBe(201);
      answers.push(await later.json());
    }
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(answers[0]).toMatchObject({ status: "fulfilled", esims: [expect.any(String)] });
    expect(await ordersOf(buyer.id)).toBe(1);
    expect(await db.esimProfile.count({ where: { userId: buyer.id } })).toBe(1);
  });

  it("replays a declined card's 402, and leaves the one order unpaid", async () => {
    const { buyer, token } = await buyerWithToken();
    const key = newIdempotencyKey();
    const body = { plan: "au-1gb-3d", payment: "test_card", test_card: "4000000000000002" };
    const first = await order(token, body, key);
    const again = await order(token, body, key);
    expect([first.status, again.status]).toEqual([402, 402]);
    expect(await again.json()).toEqual(await first.json());
    expect(await ordersOf(buyer.id)).toBe(1);
    expect(await db.esimProfile.count({ where: { userId: buyer.id } })).toBe(0);
  });

  it("forgets a key after 24 hours; the prune job removes it", async () => {
    const { buyer, token } = await buyerWithToken();
    const key = newIdempotencyKey();
    expect((await order(token, { plan: "au-1gb-3d" }, key)).status).toBe(201);
    await db.idempotencyKey.updateMany({ where: { userId: buyer.id }, data: { expiresAt: new Date(Date.now() - 1) } });

    expect(await pruneExpiredIdempotencyKeys()).toBeGreaterThanOrEqual(1);
    expect(await db.idempotencyKey.count({ where: { userId: buyer.id } })).toBe(0);
    const anew = await order(token, { plan: "au-1gb-3d", quantity: 2 }, key);
    expect(anew.status).toBe(201);
    expect(anew.headers.get("idempotent-replayed")).toBeNull();
    expect(await ordersOf(buyer.id)).toBe(2);
  });
});
