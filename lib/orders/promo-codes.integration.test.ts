import { randomUUID } from "node:crypto";
import { type Order, Prisma } from "@prisma/client";
import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import type { EmailPayloads } from "../email/messages";
import { renderEmail } from "../email/render";
import { payLocalSession } from "../payments/local-checkout";
import { localGateway } from "../payments/local-gateway";
import { newBuyer, NO_WEBHOOK_RECEIVER, SUCCEEDING_CARD } from "../testing/shop";
import { type Buyer, CHECKOUTS_PER_ACCOUNT, startCheckout, unpaidCheckoutUrl } from "./checkout";
import { closeUnpaidOrder, fulfilCheckout } from "./fulfilment";

const DAY_MS = 86_400_000;
const PLAN = "au-1gb-3d";

// A ¥500-off code like TOKYO500, of its own so that each test counts only its own redemptions.
async function newCode(maxRedemptions: number | null = null) {
  const code = `ONCE${randomUUID().slice(0, 8).toUpperCase()}`;
  await db.promotion.create({
    data: {
      slug: code.toLowerCase(),
      kind: "CODE",
      code,
      amountOff: 500,
      currency: "JPY",
      maxRedemptions,
      startsAt: new Date(Date.now() - DAY_MS),
      endsAt: new Date(Date.now() + DAY_MS),
    },
  });
  return code;
}

const checkOut = (buyer: Buyer, promoCode?: string) =>
  startCheckout(buyer, { planSlug: PLAN, quantity: 1, promoCode }, { locale: "en" });

async function opened(buyer: Buyer, promoCode?: string): Promise<Order> {
  const result = await checkOut(buyer, promoCode);
  if (result.status !== "opened") throw new Error(`checkout refused: ${result.status}`);
  return db.order.findUniqueOrThrow({ where: { id: result.orderId } });
}

// Paid with 4242 at the local checkout; the webhook goes nowhere, so the order waits for the
// test to fulfil it.
async function pay(order: Pick<Order, "paymentSessionId">): Promise<string> {
  const attempt = await payLocalSession(order.paymentSessionId!, SUCCEEDING_CARD, NO_WEBHOOK_RECEIVER);
  if (attempt.status !== "succeeded") throw new Error(`payment did not succeed: ${attempt.status}`);
  return order.paymentSessionId!;
}

// What a checkout opened before codes were held per account leaves behind (or one the lock
// did not see): a second pending order of the same buyer with the same code and discount,
// written straight to the database, with a session of its own.
async function orderOutsideTheLock(like: Order, userId = like.userId): Promise<Order> {
  const { id: _id, paymentSessionId: _session, createdAt: _created, updatedAt: _updated, ...copy } = like;
  const order = await db.order.create({
    data: {
      ...copy,
      userId,
      status: "PENDING",
      discounts: like.discounts ?? [],
      paymentDetails: Prisma.DbNull,
      konbiniVoucher: Prisma.DbNull,
    },
  });
  const buyer = await db.user.findUniqueOrThrow({ where: { id: userId } });
  const session = await localGateway.createCheckout({
    orderId: order.id,
    customerEmail: buyer.email,
    currency: order.currency,
    lineItems: [{ name: "an old checkout", unitAmount: order.totalAmount, quantity: 1 }],
    paymentMethodTypes: ["card"],
    successUrl: `${NO_WEBHOOK_RECEIVER}/en/checkout/success`,
    cancelUrl: `${NO_WEBHOOK_RECEIVER}/en/plans/${PLAN}/checkout`,
  });
  return db.order.update({ where: { id: order.id }, data: { paymentSessionId: session.sessionId } });
}

const promotionOf = (code: string) => db.promotion.findUniqueOrThrow({ where: { code } });
const orderOf = (id: string) => db.order.findUniqueOrThrow({ where: { id }, include: { esimProfiles: true } });
const discountedOrdersOf = (code: string, status: Order["status"]) =>
  db.order.count({ where: { promotion: { code }, status } });

describe("a promo code, once per account", () => {
  it("is refused on the next checkout once its order is fulfilled", async () => {
    const code = await newCode();
    const buyer = await newBuyer();
    const first = await opened(buyer, code);
    expect(first.discountAmount).toBe(500);
    expect(await fulfilCheckout(await pay(first))).toEqual({ status: "fulfilled" });

    expect(await checkOut(buyer, code)).toEqual({ status: "code_already_used" });
    expect(await checkOut(buyer, code.toLowerCase())).toEqual({ status: "code_already_used" });
    expect((await promotionOf(code)).redemptionCount).toBe(1);
    // The buyer may still buy without it, and others may still use it.
    expect((await opened(buyer)).discountAmount).toBe(0);
    expect((await opened(await newBuyer(), code)).discountAmount).toBe(500);
  });

  it("is refused on a second checkout while the first is unpaid, and free again once that one expires", async () => {
    const code = await newCode();
    const buyer = await newBuyer();
    const first = await opened(buyer, code);

    expect(await checkOut(buyer, code)).toEqual({ status: "code_in_use" });
    expect(await db.order.count({ where: { userId: buyer.id, promotion: { code } } })).toBe(1);
    // The page sends the buyer back to the checkout they have.
    expect(await unpaidCheckoutUrl(buyer.id, code.toLowerCase())).toBe(`/checkout/local/${first.paymentSessionId}`);

    expect(await closeUnpaidOrder(first.paymentSessionId!, "EXPIRED")).toBe(true);
    expect(await unpaidCheckoutUrl(buyer.id, code)).toBeNull();
    const second = await opened(buyer, code);
    expect(second.discountAmount).toBe(500);
  });

  it("is free again when the first checkout fails unpaid", async () => {
    const code = await newCode(1);
    const buyer = await newBuyer();
    const first = await opened(buyer, code);
    expect(await checkOut(buyer, code)).toEqual({ status: "code_in_use" });
    expect(await closeUnpaidOrder(first.paymentSessionId!, "FAILED", "async_payment_failed")).toBe(true);
    expect((await opened(buyer, code)).discountAmount).toBe(500);
  });

  it("stays taken while the first checkout is paid and not yet fulfilled", async () => {
    const code = await newCode();
    const buyer = await newBuyer();
    const first = await opened(buyer, code);
    const sessionId = await pay(first);

    expect(await checkOut(buyer, code)).toEqual({ status: "code_in_use" });
    // A paid session is no way back to a payment.
    expect(await unpaidCheckoutUrl(buyer.id, code)).toBeNull();
    expect(await fulfilCheckout(sessionId)).toEqual({ status: "fulfilled" });
    expect(await checkOut(buyer, code)).toEqual({ status: "code_already_used" });
  });

  it("is held by one account's checkout only: another account's unpaid checkout is never found", async () => {
    const code = await newCode();
    const [holder, other] = await Promise.all([newBuyer(), newBuyer()]);
    await opened(holder, code);
    expect(await unpaidCheckoutUrl(other.id, code)).toBeNull();
    expect((await opened(other, code)).discountAmount).toBe(500);
  });

  it("gives TOKYO500 once to a buyer who opens two checkouts before paying either", async () => {
    const buyer = await newBuyer();
    const before = (await promotionOf("TOKYO500")).redemptionCount;
    const attempts = await Promise.all([checkOut(buyer, "TOKYO500"), checkOut(buyer, "TOKYO500")]);
    expect(attempts.map((a) => a.status).sort()).toEqual(["code_in_use", "opened"]);

    const orders = await db.order.findMany({ where: { userId: buyer.id } });
    expect(orders).toHaveLength(1);
    expect(await fulfilCheckout(await pay(orders[0]!))).toEqual({ status: "fulfilled" });
    expect((await promotionOf("TOKYO500")).redemptionCount).toBe(before + 1);
  });

  it("opens one checkout of 20 tried at once by one account", async () => {
    const code = await newCode(5);
    const buyer = await newBuyer();
    const results = await Promise.all(Array.from({ length: 20 }, () => checkOut(buyer, code)));

    const statuses = results.map((result) => result.status);
    expect(statuses.filter((status) => status === "opened")).toHaveLength(1);
    expect(
      statuses.filter((status) => status !== "opened" && status !== "code_in_use" && status !== "rate_limited"),
    ).toEqual([]);
    // Those past the quote spent the account's allowance; the rest were refused before it.
    expect(statuses.filter((status) => status === "rate_limited").length).toBeLessThanOrEqual(
      20 - CHECKOUTS_PER_ACCOUNT,
    );

    const orders = await db.order.findMany({ where: { userId: buyer.id } });
    expect(orders).toHaveLength(1);
    expect(await fulfilCheckout(await pay(orders[0]!))).toEqual({ status: "fulfilled" });
    expect((await promotionOf(code)).redemptionCount).toBe(1);
    expect(await discountedOrdersOf(code, "FULFILLED")).toBe(1);
  });

  it("opens as many checkouts as a limited code has places when 20 are tried at once by several accounts", async () => {
    const code = await newCode(3);
    const buyers = await Promise.all(Array.from({ length: 5 }, () => newBuyer()));
    const attempts = buyers.flatMap((buyer) => Array.from({ length: 4 }, () => buyer));
    const results = await Promise.all(attempts.map((buyer) => checkOut(buyer, code)));

    expect(results.filter((result) => result.status === "opened")).toHaveLength(3);
    for (const result of results.filter((r) => r.status !== "opened"))
      expect(["code_in_use", "code_used_up"]).toContain(result.status);
    const orders = await db.order.findMany({ where: { promotion: { code } } });
    expect(new Set(orders.map((order) => order.userId)).size).toBe(3);

    const outcomes = await Promise.all(orders.map(async (order) => fulfilCheckout(await pay(order))));
    expect(outcomes).toEqual(Array(3).fill({ status: "fulfilled" }));
    const promotion = await promotionOf(code);
    expect(promotion.redemptionCount).toBe(3);
    expect(await db.promotionRedemption.count({ where: { promotionId: promotion.id } })).toBe(3);
    expect(await checkOut(await newBuyer(), code)).toEqual({ status: "code_used_up" });
  });
});

describe("a paid order with a code its buyer may no longer have", () => {
  it("is refunded automatically, never fulfilled at the discount, and the buyer is told why", async () => {
    const code = await newCode();
    const buyer = await newBuyer();
    const first = await opened(buyer, code);
    const old = await orderOutsideTheLock(first);
    const [firstSession, oldSession] = [await pay(first), await pay(old)];

    expect(await fulfilCheckout(firstSession)).toEqual({ status: "fulfilled" });
    expect(await fulfilCheckout(oldSession)).toEqual({ status: "refunded" });

    expect(await orderOf(old.id)).toMatchObject({
      status: "REFUNDED",
      failureReason: "promo_already_redeemed",
      refundedAt: expect.any(Date),
      esimProfiles: [],
    });
    const [refund] = await db.localRefund.findMany({ where: { sessionId: oldSession } });
    expect(refund!.amount).toBe(old.totalAmount);
    expect(await db.promotionRedemption.findMany({ where: { promotion: { code } } })).toEqual([
      expect.objectContaining({ userId: buyer.id, orderId: first.id }),
    ]);
    expect((await promotionOf(code)).redemptionCount).toBe(1);
    expect(await fulfilCheckout(oldSession)).toEqual({ status: "already_done" });

    const emails = await db.outboxEmail.findMany({ where: { userId: buyer.id, template: "order-refund" } });
    expect(emails).toHaveLength(1);
    expect(emails[0]!.payload).toMatchObject({ reason: "promo_already_redeemed", amount: old.totalAmount });
    const payload = emails[0]!.payload as EmailPayloads["order-refund"];
    const texts = {
      en: "already used this promo code on another order",
      zh: "您已在另一笔订单中使用过此优惠码",
      ja: "別のご注文ですでにご利用済み",
    } as const;
    for (const [locale, text] of Object.entries(texts) as [keyof typeof texts, string][]) {
      const rendered = await renderEmail("order-refund", payload, locale);
      expect(rendered.text).toContain(text);
      expect(rendered.html).toContain(text);
    }
  });

  it("is delivered once when both orders of one buyer are paid and fulfilled at the same moment", async () => {
    const code = await newCode();
    const buyer = await newBuyer();
    const first = await opened(buyer, code);
    const old = await orderOutsideTheLock(first);
    const sessions = [await pay(first), await pay(old)];

    const outcomes = await Promise.all(sessions.map((sessionId) => fulfilCheckout(sessionId)));
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "refunded"]);
    expect(await discountedOrdersOf(code, "FULFILLED")).toBe(1);
    expect(await discountedOrdersOf(code, "REFUNDED")).toBe(1);
    expect(await db.esimProfile.count({ where: { order: { promotion: { code } } } })).toBe(1);
    expect((await promotionOf(code)).redemptionCount).toBe(1);
  });

  it("is refunded when it would take a limited code past its limit", async () => {
    const code = await newCode(1);
    const first = await opened(await newBuyer(), code);
    const other = await newBuyer();
    expect(await checkOut(other, code)).toEqual({ status: "code_used_up" });
    const overLimit = await orderOutsideTheLock(first, other.id);
    const sessions = [await pay(first), await pay(overLimit)];

    const outcomes = await Promise.all(sessions.map((sessionId) => fulfilCheckout(sessionId)));
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "refunded"]);
    const refunded = await db.order.findFirstOrThrow({ where: { promotion: { code }, status: "REFUNDED" } });
    expect(refunded.failureReason).toBe("promo_used_up");
    expect((await promotionOf(code)).redemptionCount).toBe(1);
    expect(await db.promotionRedemption.count({ where: { promotion: { code } } })).toBe(1);
  });
});
