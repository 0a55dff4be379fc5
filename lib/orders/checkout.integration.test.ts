import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { startTopUp } from "../balance/topups";
import { activeEsim, forgetCheckoutThrottle, newBuyer, paidWithoutDelivery } from "../testing/shop";
import { CHECKOUT_WINDOW_SECONDS, CHECKOUTS_PER_ACCOUNT, startCheckout } from "./checkout";
import { closeUnpaidOrder, fulfilCheckout } from "./fulfilment";

const DAY_MS = 86_400_000;

async function limitedCode(maxRedemptions: number) {
  const code = `LIMITED${randomUUID().slice(0, 8).toUpperCase()}`;
  await db.promotion.create({
    data: {
      slug: code.toLowerCase(),
      kind: "CODE",
      code,
      percentOff: 20,
      maxRedemptions,
      startsAt: new Date(Date.now() - DAY_MS),
      endsAt: new Date(Date.now() + DAY_MS),
    },
  });
  return code;
}

const checkOut = async (promoCode: string) =>
  startCheckout(await newBuyer(), { planSlug: "au-1gb-3d", quantity: 1, promoCode }, { locale: "en" });

describe("a promo code with a redemption limit", () => {
  it("lets only as many buyers check out with it as it has places, however many try at once", async () => {
    const code = await limitedCode(2);
    const results = await Promise.all(Array.from({ length: 8 }, () => checkOut(code)));
    expect(results.filter((result) => result.status === "opened")).toHaveLength(2);
    expect(results.filter((result) => result.status !== "opened")).toEqual(Array(6).fill({ status: "code_used_up" }));
    expect(await db.order.count({ where: { promotion: { code } } })).toBe(2);
  });

  it("gets its place back when a checkout expires unpaid, and keeps it once paid", async () => {
    const code = await limitedCode(1);
    const held = await checkOut(code);
    if (held.status !== "opened") throw new Error(held.status);
    expect(await checkOut(code)).toEqual({ status: "code_used_up" });

    const { paymentSessionId } = await db.order.findUniqueOrThrow({ where: { id: held.orderId } });
    expect(await closeUnpaidOrder(paymentSessionId!, "EXPIRED")).toBe(true);
    const { sessionId } = await paidWithoutDelivery({ promoCode: code });
    expect(await fulfilCheckout(sessionId)).toEqual({ status: "fulfilled" });

    expect((await db.promotion.findUniqueOrThrow({ where: { code } })).redemptionCount).toBe(1);
    expect(await checkOut(code)).toEqual({ status: "code_used_up" });
  });
});

describe("checkouts per account", () => {
  it(`opens ${CHECKOUTS_PER_ACCOUNT} in ten minutes, eSIMs and top-ups together, then refuses with the wait`, async () => {
    // Its eSIM was the first checkout.
    const { buyer, esim } = await activeEsim();
    const topUp = () => startTopUp(buyer, esim.id, "au-topup-1gb-7d", { locale: "en" });
    for (let i = 1; i < CHECKOUTS_PER_ACCOUNT; i++) expect(await topUp()).toMatchObject({ status: "opened" });

    const refused = await topUp();
    expect(refused).toEqual({ status: "rate_limited", retryAfterSeconds: expect.any(Number) });
    if (refused.status !== "rate_limited") throw new Error(refused.status);
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(CHECKOUT_WINDOW_SECONDS);
    expect(await startCheckout(buyer, { planSlug: "au-1gb-3d", quantity: 1 }, { locale: "en" })).toMatchObject({
      status: "rate_limited",
    });
    expect(await db.order.count({ where: { userId: buyer.id } })).toBe(CHECKOUTS_PER_ACCOUNT);

    // Another account is not held back by this one.
    expect(await checkOut(await limitedCode(5))).toMatchObject({ status: "opened" });
    // The benchmarks, which buy far more often, start each purchase with the allowance back.
    await forgetCheckoutThrottle(buyer.id);
    expect(await topUp()).toMatchObject({ status: "opened" });
  });

  it("counts attempts at once: of 20 top-ups started together, as many open as the allowance has left", async () => {
    const { buyer, esim } = await activeEsim();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => startTopUp(buyer, esim.id, "au-topup-1gb-7d", { locale: "en" })),
    );
    expect(results.filter((result) => result.status === "opened")).toHaveLength(CHECKOUTS_PER_ACCOUNT - 1);
    expect(results.filter((result) => result.status === "rate_limited")).toHaveLength(20 - CHECKOUTS_PER_ACCOUNT + 1);
  });
});
