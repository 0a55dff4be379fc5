import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { fulfilCheckout } from "@/lib/orders/fulfilment";
import { apiGet, routeParams } from "@/lib/testing/api-requests";
import { newApiToken } from "@/lib/testing/api-tokens";
import { conformanceProblems } from "@/lib/testing/openapi-conformance";
import { paidWithoutDelivery } from "@/lib/testing/shop";

type PlanRoute = typeof import("./plans/[id]/route");
type UsageRoute = typeof import("./esims/[iccid]/usage/route");

// Two app instances: the route and everything under it (limiters, database pool) loaded twice,
// sharing nothing but Postgres.
async function twoInstances<Route>(load: () => Promise<Route>): Promise<[Route, Route]> {
  vi.resetModules();
  const first = await load();
  vi.resetModules();
  return [first, await load()];
}

async function buyerWithEsims() {
  const { buyer, order, sessionId } = await paidWithoutDelivery({ planSlug: "au-1gb-3d", quantity: 2 });
  await fulfilCheckout(sessionId);
  const esims = await db.esimProfile.findMany({ where: { orderId: order.id }, orderBy: { sequence: "asc" } });
  return { esims, token: (await newApiToken(buyer)).token };
}

const headersOf = (response: Response) => ({
  limit: response.headers.get("ratelimit-limit"),
  remaining: response.headers.get("ratelimit-remaining"),
  policy: response.headers.get("ratelimit-policy"),
});

describe("the API's rate limits", () => {
  it("spends one budget of 100 requests a minute per token across instances, then answers 429", async () => {
    const instances = await twoInstances<PlanRoute>(() => import("./plans/[id]/route"));
    const { token } = await buyerWithEsims();
    const other = await buyerWithEsims();
    const read = (index: number, credential = token) =>
      instances[index % 2]!.GET(apiGet("/plans/au-1gb-3d", credential), routeParams({ id: "au-1gb-3d" }));

    const first = await read(0);
    expect(first.status).toBe(200);
    expect(headersOf(first)).toEqual({ limit: "100", remaining: "99", policy: "100;w=60" });
    expect(Number(first.headers.get("ratelimit-reset"))).toBeGreaterThan(0);
    expect(await conformanceProblems("/plans/{id}", "get", first)).toEqual([]);

    for (let batch = 0; batch < 9; batch++) {
      const answers = await Promise.all(Array.from({ length: 11 }, (_, i) => read(batch * 11 + i + 1)));
      expect(answers.map((answer) => answer.status)).toEqual(Array(11).fill(200));
    }
    expect(headersOf(await read(1))).toMatchObject({ remaining: "0" });

    for (const index of [0, 1]) {
      const refused = await read(index);
      expect(refused.status).toBe(429);
      expect(headersOf(refused)).toEqual({ limit: "100", remaining: "0", policy: "100;w=60" });
      const retryAfter = Number(refused.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(await conformanceProblems("/plans/{id}", "get", refused)).toEqual([]);
      expect(await refused.json()).toMatchObject({ error: { code: "rate_limited" } });
    }
    // Another token has its own budget.
    expect((await read(0, other.token)).status).toBe(200);
  });

  it("allows 10 usage reads a minute per eSIM across instances, besides the token's budget", async () => {
    const instances = await twoInstances<UsageRoute>(() => import("./esims/[iccid]/usage/route"));
    const { esims, token } = await buyerWithEsims();
    const [busy, quiet] = esims.map((esim) => esim.iccid);
    const read = (index: number, iccid = busy!) =>
      instances[index % 2]!.GET(apiGet(`/esims/${iccid}/usage`, token), routeParams({ iccid }));

    const answers = [];
    for (let i = 0; i < 10; i++) answers.push(await read(i));
    expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(200));
    expect(headersOf(answers[0]!)).toEqual({ limit: "10", remaining: "9", policy: "100;w=60, 10;w=60" });
    expect(await conformanceProblems("/esims/{iccid}/usage", "get", answers[9]!)).toEqual([]);

    const refused = await read(10);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(headersOf(refused)).toEqual({ limit: "10", remaining: "0", policy: "100;w=60, 10;w=60" });
    expect(await conformanceProblems("/esims/{iccid}/usage", "get", refused)).toEqual([]);

    const other = await read(11, quiet);
    expect(other.status).toBe(200);
    expect(headersOf(other)).toMatchObject({ limit: "10", remaining: "9" });
  });
});
