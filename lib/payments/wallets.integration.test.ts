import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { env } from "../env";
import { deliverEventsOf, openCheckout, openCheckoutPriced, SUCCEEDING_CARD } from "../testing/shop";
import { startWebhookServer } from "../testing/webhook-server";
import { expireStaleLocalSessions, payLocalSession } from "./local-checkout";
import {
  answerAuthorization,
  authorizationForPage,
  cancelRedirectPayment,
  startRedirectPayment,
} from "./local-wallets";
import { REDIRECT_METHODS, type RedirectMethod } from "./methods";

let webhookServer: Awaited<ReturnType<typeof startWebhookServer>>;
beforeAll(async () => {
  webhookServer = await startWebhookServer();
});
afterAll(() => webhookServer.close());

const orderOf = (orderId: string) => db.order.findUniqueOrThrow({ where: { id: orderId } });
const sessionOf = (sessionId: string) => db.localCheckoutSession.findUniqueOrThrow({ where: { id: sessionId } });
const profilesOf = (orderId: string) => db.esimProfile.findMany({ where: { orderId } });
const eventsOf = (sessionId: string) => db.localWebhookEvent.findMany({ where: { sessionId } });
const completed = [{ type: "checkout.session.completed", status: "delivered" }];

async function started(sessionId: string, method: RedirectMethod): Promise<string> {
  const start = await startRedirectPayment(sessionId, method);
  if (start.status !== "started") throw new Error(`${method} did not start: ${start.status}`);
  return start.token;
}

describe("a wallet payment (PayPay, Alipay, WeChat Pay, PayPal)", () => {
  it.each(REDIRECT_METHODS)("by %s, authorized on its page, fulfils the order through the webhook", async (method) => {
    const { buyer, order, sessionId } = await openCheckout();
    const token = await started(sessionId, method);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await authorizationForPage(token)).toEqual({
      status: "waiting",
      method,
      amountTotal: order.totalAmount,
      currency: "JPY",
      sessionId,
    });

    expect(await answerAuthorization(token, true, webhookServer.origin)).toEqual({
      status: "succeeded",
      redirectTo: `${env().APP_URL}/en/checkout/success?session_id=${sessionId}`,
    });
    expect(await authorizationForPage(token)).toEqual({ status: "authorized", method, sessionId });
    expect(await deliverEventsOf(sessionId)).toEqual(completed);

    expect(await orderOf(order.id)).toMatchObject({
      status: "FULFILLED",
      paymentStatus: "paid",
      paymentMethod: method,
      paymentDetails: {},
    });
    expect(await profilesOf(order.id)).toHaveLength(1);
    const [receipt, ...others] = await db.outboxEmail.findMany({
      where: { userId: buyer.id, template: "order-receipt" },
    });
    expect(others).toHaveLength(0);
    expect(receipt!.payload).toMatchObject({ paymentMethod: { type: method } });
  });

  it("that fails keeps the checkout open with the decline, and a card pays it afterwards", async () => {
    const { order, sessionId } = await openCheckout();
    const token = await started(sessionId, "paypay");
    expect(await answerAuthorization(token, false, webhookServer.origin)).toEqual({
      status: "declined",
      code: "payment_method_authorization_failed",
    });
    expect(await sessionOf(sessionId)).toMatchObject({
      status: "OPEN",
      paymentStatus: "unpaid",
      lastDeclineCode: "payment_method_authorization_failed",
      lastFailedMethod: "paypay",
    });
    expect(await authorizationForPage(token)).toEqual({ status: "failed", method: "paypay", sessionId });
    // The failed link cannot be approved after all.
    expect(await answerAuthorization(token, true, webhookServer.origin)).toEqual({ status: "closed" });
    expect(await eventsOf(sessionId)).toHaveLength(0);
    expect(await orderOf(order.id)).toMatchObject({ status: "PENDING", paymentMethod: null });

    expect((await payLocalSession(sessionId, SUCCEEDING_CARD, webhookServer.origin)).status).toBe("succeeded");
    expect(await deliverEventsOf(sessionId)).toEqual(completed);
    expect(await sessionOf(sessionId)).toMatchObject({ lastDeclineCode: null, lastFailedMethod: null });
    expect(await orderOf(order.id)).toMatchObject({
      status: "FULFILLED",
      paymentMethod: "card",
      paymentDetails: { brand: "visa", last4: "4242" },
    });
    expect(await authorizationForPage(token)).toEqual({ status: "closed", method: "paypay", sessionId });
  });

  it("started again retires the earlier link, and going back retires the last", async () => {
    const { order, sessionId } = await openCheckout();
    const first = await started(sessionId, "paypay");
    const second = await started(sessionId, "alipay");
    expect(second).not.toBe(first);
    expect(await authorizationForPage(first)).toEqual({ status: "unknown" });
    expect(await answerAuthorization(first, true, webhookServer.origin)).toEqual({ status: "closed" });
    expect(await authorizationForPage(second)).toMatchObject({ status: "waiting", method: "alipay" });

    await cancelRedirectPayment(sessionId);
    expect(await authorizationForPage(second)).toEqual({ status: "unknown" });
    expect(await answerAuthorization(second, true, webhookServer.origin)).toEqual({ status: "closed" });
    expect(await sessionOf(sessionId)).toMatchObject({ status: "OPEN", paymentStatus: "unpaid" });
    expect(await eventsOf(sessionId)).toHaveLength(0);
    expect(await orderOf(order.id)).toMatchObject({ status: "PENDING" });
  });

  it("approved 20 times at once is paid and announced once", async () => {
    const { order, sessionId } = await openCheckout();
    const token = await started(sessionId, "wechat_pay");
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => answerAuthorization(token, true, webhookServer.origin)),
    );
    expect(answers.filter((answer) => answer.status !== "closed").map((answer) => answer.status)).toContain(
      "succeeded",
    );
    expect(answers.every((answer) => answer.status === "succeeded" || answer.status === "closed")).toBe(true);
    expect(await deliverEventsOf(sessionId)).toEqual(completed);
    expect(await orderOf(order.id)).toMatchObject({ status: "FULFILLED", paymentMethod: "wechat_pay" });
    expect(await profilesOf(order.id)).toHaveLength(1);
  });
});

describe("a wallet's link to a checkout that can no longer be paid", () => {
  it("answers authorized once it paid, and closed once a card paid, and changes nothing", async () => {
    const paid = await openCheckout();
    const token = await started(paid.sessionId, "paypal");
    await answerAuthorization(token, true, webhookServer.origin);
    for (const approved of [true, false])
      expect(await answerAuthorization(token, approved, webhookServer.origin)).toEqual({ status: "closed" });
    expect(await authorizationForPage(token)).toEqual({
      status: "authorized",
      method: "paypal",
      sessionId: paid.sessionId,
    });
    expect(await sessionOf(paid.sessionId)).toMatchObject({
      status: "COMPLETE",
      paymentMethod: "paypal",
      lastDeclineCode: null,
    });
    expect(await eventsOf(paid.sessionId)).toHaveLength(1);

    const byCard = await openCheckout();
    const waiting = await started(byCard.sessionId, "paypay");
    await payLocalSession(byCard.sessionId, SUCCEEDING_CARD, webhookServer.origin);
    expect(await authorizationForPage(waiting)).toEqual({
      status: "closed",
      method: "paypay",
      sessionId: byCard.sessionId,
    });
    expect(await answerAuthorization(waiting, true, webhookServer.origin)).toEqual({ status: "closed" });
    expect(await sessionOf(byCard.sessionId)).toMatchObject({ paymentMethod: "card" });
    expect(await eventsOf(byCard.sessionId)).toHaveLength(1);
  });

  it("answers closed once the checkout expired, and the order stays expired", async () => {
    const { order, sessionId } = await openCheckout();
    const token = await started(sessionId, "alipay");
    await db.localCheckoutSession.update({
      where: { id: sessionId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    // Past its time, the link is closed even before the expiry is announced.
    expect(await authorizationForPage(token)).toEqual({ status: "closed", method: "alipay", sessionId });
    expect(await expireStaleLocalSessions(webhookServer.origin, { sessionId })).toBe(1);
    expect(await deliverEventsOf(sessionId)).toEqual([{ type: "checkout.session.expired", status: "delivered" }]);

    for (const approved of [true, false])
      expect(await answerAuthorization(token, approved, webhookServer.origin)).toEqual({ status: "closed" });
    expect(await sessionOf(sessionId)).toMatchObject({
      status: "EXPIRED",
      paymentStatus: "unpaid",
      lastDeclineCode: null,
    });
    expect(await eventsOf(sessionId)).toHaveLength(1);
    expect(await orderOf(order.id)).toMatchObject({ status: "EXPIRED", paymentMethod: null });
  });
});

describe("a wallet the checkout does not offer", () => {
  it("is not offered: PayPay over ¥1,000,000, and any wallet where only cards were offered", async () => {
    const { sessionId } = await openCheckoutPriced(1_200_000);
    expect((await sessionOf(sessionId)).paymentMethodTypes).toEqual(["card", "alipay", "wechat_pay", "paypal"]);
    expect(await startRedirectPayment(sessionId, "paypay")).toEqual({ status: "not_offered" });
    expect(await sessionOf(sessionId)).toMatchObject({ authorizationToken: null, authorizationMethod: null });
    expect((await startRedirectPayment(sessionId, "alipay")).status).toBe("started");

    const cardOnly = await openCheckout();
    await db.localCheckoutSession.update({ where: { id: cardOnly.sessionId }, data: { paymentMethodTypes: ["card"] } });
    for (const method of REDIRECT_METHODS)
      expect(await startRedirectPayment(cardOnly.sessionId, method)).toEqual({ status: "not_offered" });
    expect(await sessionOf(cardOnly.sessionId)).toMatchObject({ status: "OPEN", authorizationToken: null });
  });
});
