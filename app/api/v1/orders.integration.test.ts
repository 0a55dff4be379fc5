import { describe, expect, it } from "vitest";
import { MB } from "@/lib/balance/rules";
import { db } from "@/lib/db/client";
import { applyLifecycleEvent } from "@/lib/esim/profiles";
import { fulfilCheckout } from "@/lib/orders/fulfilment";
import { orderReference } from "@/lib/orders/order-emails";
import { apiGet, apiPost, noParams, routeParams } from "@/lib/testing/api-requests";
import { newApiToken } from "@/lib/testing/api-tokens";
import { conformanceProblems } from "@/lib/testing/openapi-conformance";
import { newBuyer, paidWithoutDelivery } from "@/lib/testing/shop";
import { GET as getEsims } from "./esims/route";
import { GET as listTopUps, POST as postTopUp } from "./esims/[iccid]/topups/route";
import { GET as getOrder } from "./orders/[ref]/route";
import { GET as listOrders, POST as postOrder } from "./orders/route";
import { GET as getPlan } from "./plans/[id]/route";
import { GET as listPlans } from "./plans/route";

async function buyerWithToken() {
  const buyer = await newBuyer();
  return { buyer, token: (await newApiToken(buyer)).token };
}

const order = (token: string | undefined, body: unknown) => postOrder(apiPost("/orders", token, body), noParams);
const orderByRef = (token: string | undefined, ref: string) =>
  getOrder(apiGet(`/orders/${ref}`, token), routeParams({ ref }));
const topUp = (token: string | undefined, iccid: string, body: unknown) =>
  postTopUp(apiPost(`/esims/${iccid}/topups`, token, body), routeParams({ iccid }));

async function conforming(path: Parameters<typeof conformanceProblems>[0], method: "get" | "post", response: Response) {
  expect(await conformanceProblems(path, method, response)).toEqual([]);
  return response.json();
}

describe("the API's catalog", () => {
  it("lists the plans on sale with prices and their carrier's top-up packs, a page at a time", async () => {
    const { token } = await buyerWithToken();
    const first = await conforming("/plans", "get", await listPlans(apiGet("/plans?limit=2", token), noParams));
    expect(first.data).toHaveLength(2);
    expect(first.has_more).toBe(true);
    const onSale = await db.plan.count({ where: { active: true } });

    const seen = [...first.data];
    let cursor = first.next_cursor;
    while (cursor) {
      const page = await (await listPlans(apiGet(`/plans?limit=7&cursor=${cursor}`, token), noParams)).json();
      seen.push(...page.data);
      cursor = page.next_cursor;
    }
    expect(seen.length).toBeLessThanOrEqual(onSale);
    expect(new Set(seen.map((plan: { id: string }) => plan.id)).size).toBe(seen.length);

    const au = seen.find((plan: { id: string }) => plan.id === "au-1gb-3d");
    expect(au).toMatchObject({
      carrier: "KDDI_AU",
      kind: "data_pack",
      data_bytes: Number(1024n * MB),
      days: 3,
      price: { currency: "JPY" },
    });
    expect(au.topups.length).toBeGreaterThan(0);
    const one = await conforming(
      "/plans/{id}",
      "get",
      await getPlan(apiGet("/plans/au-1gb-3d", token), routeParams({ id: "au-1gb-3d" })),
    );
    expect(one).toEqual(au);
  });

  it.each(["no-such-plan", "../etc", "UPPER"])("answers 404 for a plan %s that is not on sale", async (id) => {
    const { token } = await buyerWithToken();
    const response = await getPlan(apiGet(`/plans/${id}`, token), routeParams({ id }));
    expect(response.status).toBe(404);
    expect(await conforming("/plans/{id}", "get", response)).toMatchObject({ error: { code: "not_found" } });
  });

  it.each([["limit=0"], ["limit=101"], ["limit=two"], ["cursor=%25%25"], ["cursor=bm90LWEtY3Vyc29y"], ["page=2"]])(
    "answers 400 to a list query with %s",
    async (query) => {
      const { token } = await buyerWithToken();
      for (const [path, route] of [
        ["/plans", listPlans],
        ["/orders", listOrders],
        ["/esims", getEsims],
      ] as const) {
        const response = await route(apiGet(`${path}?${query}`, token), noParams);
        expect(response.status, `${path}?${query}`).toBe(400);
        expect(await conforming(path, "get", response)).toMatchObject({ error: { code: "invalid_request" } });
      }
    },
  );
});

describe("ordering over the API", () => {
  it("opens an order at the server's price and answers the end user's checkout URL", async () => {
    const { buyer, token } = await buyerWithToken();
    const response = await order(token, { plan: "au-1gb-3d", quantity: 2 });
    expect(response.status).toBe(201);
    const body = await conforming("/orders", "post", response);
    const plan = await db.plan.findUniqueOrThrow({ where: { slug: "au-1gb-3d" } });
    expect(body).toMatchObject({
      kind: "esim",
      status: "pending",
      plan: "au-1gb-3d",
      quantity: 2,
      esims: [],
      checkout_url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:3100\/checkout\/local\/cs_test_/),
      paid_at: null,
    });
    expect(body.amounts.subtotal).toBe(body.amounts.unit * 2);
    expect(body.amounts.unit).toBeLessThanOrEqual(plan.priceAmount);

    const stored = await db.order.findFirstOrThrow({ where: { userId: buyer.id } });
    expect(orderReference(stored.id)).toBe(body.ref);
    const read = await conforming("/orders/{ref}", "get", await orderByRef(token, body.ref));
    expect(read).toEqual(body);
  });

  it("pays at once with the sandbox test card and issues the eSIMs", async () => {
    const { token } = await buyerWithToken();
    const response = await order(token, { plan: "au-1gb-3d", quantity: 1, payment: "test_card" });
    expect(response.status).toBe(201);
    const body = await conforming("/orders", "post", response);
    expect(body).toMatchObject({ status: "fulfilled", checkout_url: null, esims: [expect.stringMatching(/^8981/)] });
    expect(body.paid_at).toMatch(/\+09:00$/);
    const esims = await (await getEsims(apiGet("/esims", token), noParams)).json();
    expect(esims.data.map((esim: { iccid: string }) => esim.iccid)).toEqual(body.esims);
  });

  it.each([
    ["4000000000000002", "generic_decline"],
    ["4000000000009995", "insufficient_funds"],
  ])("answers 402 to the declined test card %s and leaves the order unpaid", async (card, declineCode) => {
    const { buyer, token } = await buyerWithToken();
    const response = await order(token, { plan: "au-1gb-3d", payment: "test_card", test_card: card });
    expect(response.status).toBe(402);
    const { error } = await conforming("/orders", "post", response);
    expect(error).toMatchObject({
      code: "card_declined",
      decline_code: declineCode,
      order: expect.stringMatching(/^TB-/),
    });
    const stored = await db.order.findFirstOrThrow({ where: { userId: buyer.id } });
    expect(stored).toMatchObject({ status: "PENDING", paidAt: null });
    expect(await db.esimProfile.count({ where: { userId: buyer.id } })).toBe(0);
    const read = await (await orderByRef(token, error.order)).json();
    expect(read).toMatchObject({ status: "pending", checkout_url: expect.stringContaining("/checkout/local/") });
  });

  it.each([
    ["an unknown plan", { plan: "no-such-plan" }, "plan_unavailable"],
    ["too many eSIMs", { plan: "au-1gb-3d", quantity: 5 }, "invalid_request"],
    ["an unknown field", { plan: "au-1gb-3d", price: 1 }, "invalid_request"],
    ["an unknown promo code", { plan: "au-1gb-3d", promo_code: "NOPE" }, "promo_code_refused"],
    [
      "a card not among Stripe's test cards",
      { plan: "au-1gb-3d", payment: "test_card", test_card: "4111111111111111" },
      "invalid_request",
    ],
    [
      "the 3-D Secure card",
      { plan: "au-1gb-3d", payment: "test_card", test_card: "4000002760003184" },
      "invalid_request",
    ],
    ["a test card without test_card payment", { plan: "au-1gb-3d", test_card: "4242424242424242" }, "invalid_request"],
  ])("refuses %s with 400 and opens no order", async (_case, body, code) => {
    const { buyer, token } = await buyerWithToken();
    const response = await order(token, body);
    expect(response.status).toBe(400);
    expect(await conforming("/orders", "post", response)).toMatchObject({ error: { code } });
    expect(await db.order.count({ where: { userId: buyer.id } })).toBe(0);
  });

  it("lists the account's orders newest first, a page at a time", async () => {
    const { token } = await buyerWithToken();
    const refs = [];
    for (let i = 0; i < 3; i++) refs.push((await (await order(token, { plan: "au-1gb-3d" })).json()).ref);
    const first = await conforming("/orders", "get", await listOrders(apiGet("/orders?limit=2", token), noParams));
    expect(first.data.map((o: { ref: string }) => o.ref)).toEqual([refs[2], refs[1]]);
    expect(first.has_more).toBe(true);
    const second = await (
      await listOrders(apiGet(`/orders?limit=2&cursor=${first.next_cursor}`, token), noParams)
    ).json();
    expect(second).toMatchObject({ data: [{ ref: refs[0] }], has_more: false, next_cursor: null });
  });
});

describe("top-ups over the API", () => {
  async function enabledEsim() {
    const { buyer, order: paid, sessionId } = await paidWithoutDelivery({ planSlug: "au-1gb-3d" });
    await fulfilCheckout(sessionId);
    const esim = await db.esimProfile.findFirstOrThrow({ where: { orderId: paid.id } });
    for (const step of ["download", "install", "enable"] as const)
      await applyLifecycleEvent(esim.id, buyer.id, step, "test");
    return { buyer, esim, token: (await newApiToken(buyer)).token };
  }

  it("buys a pack of the eSIM's carrier with the test card and credits it", async () => {
    const { esim, token } = await enabledEsim();
    const packs = await (
      await listTopUps(apiGet(`/esims/${esim.iccid}/topups`, token), routeParams({ iccid: esim.iccid }))
    ).json();
    const pack = packs.data[0];
    const response = await topUp(token, esim.iccid, { topup: pack.id, payment: "test_card" });
    expect(response.status).toBe(201);
    expect(await conforming("/esims/{iccid}/topups", "post", response)).toMatchObject({
      kind: "topup",
      status: "fulfilled",
      topup: pack.id,
      esim: esim.iccid,
      amounts: { total: pack.price.amount },
    });
    const credited = await db.esimProfile.findUniqueOrThrow({ where: { id: esim.id } });
    expect(credited.ledgerCreditedBytes).toBe(1024n * MB + BigInt(pack.data_bytes));
  });

  it("refuses another carrier's pack and an eSIM whose window has closed", async () => {
    const { esim, token } = await enabledEsim();
    const docomo = await db.topUpPack.findFirstOrThrow({ where: { carrierCode: "DOCOMO", active: true } });
    const wrong = await topUp(token, esim.iccid, { topup: docomo.slug });
    expect(wrong.status).toBe(409);
    expect(await conforming("/esims/{iccid}/topups", "post", wrong)).toMatchObject({
      error: { code: "topup_unavailable", reason: "wrong_carrier" },
    });

    await applyLifecycleEvent(
      esim.id,
      (await db.esimProfile.findUniqueOrThrow({ where: { id: esim.id } })).userId,
      "delete",
      "test",
    );
    const au = await db.topUpPack.findFirstOrThrow({ where: { carrierCode: "KDDI_AU", active: true } });
    const closed = await topUp(token, esim.iccid, { topup: au.slug });
    expect(closed.status).toBe(409);
    expect(await closed.json()).toMatchObject({ error: { code: "topup_unavailable", reason: "deleted" } });
    expect(await db.order.count({ where: { esimId: esim.id } })).toBe(0);
  });
});

describe("who may call the purchase endpoints", () => {
  it("answers 404 for another account's order or eSIM, and 401 without a valid token", async () => {
    const owner = await buyerWithToken();
    const stranger = await buyerWithToken();
    const placed = await (await order(owner.token, { plan: "au-1gb-3d", payment: "test_card" })).json();
    const [iccid] = placed.esims as string[];
    const au = await db.topUpPack.findFirstOrThrow({ where: { carrierCode: "KDDI_AU", active: true } });

    const strangers = [
      () => orderByRef(stranger.token, placed.ref),
      () => topUp(stranger.token, iccid!, { topup: au.slug, payment: "test_card" }),
      () => listTopUps(apiGet(`/esims/${iccid}/topups`, stranger.token), routeParams({ iccid: iccid! })),
      () => orderByRef(owner.token, "TB-00000000"),
      () => orderByRef(owner.token, placed.ref.toLowerCase()),
    ];
    for (const call of strangers) {
      const response = await call();
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: "not_found" } });
    }
    const strangerOrders = await (await listOrders(apiGet("/orders", stranger.token), noParams)).json();
    expect(strangerOrders.data).toEqual([]);

    const expired = await newApiToken(owner.buyer);
    await db.apiToken.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    for (const credential of [undefined, "not-a-token", expired.token]) {
      const calls = [
        listPlans(apiGet("/plans", credential), noParams),
        getPlan(apiGet("/plans/au-1gb-3d", credential), routeParams({ id: "au-1gb-3d" })),
        listOrders(apiGet("/orders", credential), noParams),
        order(credential, { plan: "au-1gb-3d", payment: "test_card" }),
        orderByRef(credential, placed.ref),
        topUp(credential, iccid!, { topup: au.slug, payment: "test_card" }),
      ];
      for (const response of await Promise.all(calls)) {
        expect(response.status).toBe(401);
        expect(await response.json()).toMatchObject({
          error: { code: credential === undefined ? "missing_token" : "invalid_token" },
        });
        expect(response.headers.get("ratelimit-limit")).toBeNull();
      }
    }
    expect(await db.order.count({ where: { userId: owner.buyer.id } })).toBe(1);
    expect(await db.order.count({ where: { userId: stranger.buyer.id } })).toBe(0);
  });
});
