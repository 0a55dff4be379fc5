import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { advanceClock } from "../balance/simulator";
import { db } from "../db/client";
import type { EmailPayloads } from "../email/messages";
import { renderEmail } from "../email/render";
import { env } from "../env";
import { fulfilCheckout } from "../orders/fulfilment";
import { refundIdempotencyKey } from "../orders/refunds";
import {
  activeEsim,
  deliverEventsOf,
  issueVoucher,
  openCheckout,
  openTopUp,
  paidWithoutDelivery,
  postEvent,
  queuedJob,
  runQueuedJob,
  signedEvent,
  signedRefundEvent,
  signedSessionEvent,
  SUCCEEDING_CARD,
} from "../testing/shop";
import { startWebhookServer } from "../testing/webhook-server";
import { bankAccountSchema } from "../validation/local-payments";
import { payLocalSession } from "./local-checkout";
import { localGateway } from "./local-gateway";
import {
  KONBINI_REFUND_WINDOW_MS,
  REFUND_SETTLE_DELAY_MS,
  giveRefundBankAccount,
  refundForBankDetails,
  refundLocalPayment,
} from "./local-refunds";
import { answerAuthorization, startRedirectPayment } from "./local-wallets";
import type { RedirectMethod } from "./methods";

// Before anything reads env() (the database client does, on import): simulated waits pass 60
// times faster, and APP_URL (where the queue's jobs announce events) is this file's webhook server.
const { appPort } = await vi.hoisted(async () => {
  const { createServer } = await import("node:net");
  const probe = createServer();
  const port = await new Promise<number>((resolve) =>
    probe.listen(0, "127.0.0.1", () => resolve((probe.address() as { port: number }).port)),
  );
  await new Promise((resolve) => probe.close(resolve));
  vi.stubEnv("SANDBOX_TIME_SCALE", "60");
  vi.stubEnv("APP_URL", `http://127.0.0.1:${port}`);
  return { appPort: port };
});
const SCALE = 60;

let webhookServer: Awaited<ReturnType<typeof startWebhookServer>>;
beforeAll(async () => {
  webhookServer = await startWebhookServer(appPort);
});
afterAll(async () => {
  await webhookServer.close();
  vi.unstubAllEnvs();
});

afterEach(() => {
  vi.restoreAllMocks();
});

const orderOf = (orderId: string) => db.order.findUniqueOrThrow({ where: { id: orderId } });
const refundJob = (refundId: string) => `local-refund:${refundId}`;
const refundUpdated = [{ type: "charge.refund.updated", status: "delivered" }];
const refundEmails = (userId: string) =>
  db.outboxEmail.findMany({ where: { userId, template: "order-refund" }, orderBy: { createdAt: "asc" } });
const statesOf = async (userId: string) =>
  (await refundEmails(userId)).map((email) => (email.payload as EmailPayloads["order-refund"]).state);

type PaidBy = { card: string } | { wallet: RedirectMethod } | { konbini: true };

// A top-up paid (by card, wallet or Konbini) after the eSIM's clock ran past its end and
// grace window, its payment's event not yet delivered.
async function topUpPaidTooLate(by: PaidBy, locale = "en") {
  const { buyer, esim } = await activeEsim("au-1gb-3d");
  await db.user.update({ where: { id: buyer.id }, data: { locale } });
  const { order, sessionId } = await openTopUp(buyer, esim.id);
  const origin = webhookServer.origin;
  if ("card" in by) await payLocalSession(sessionId, { ...SUCCEEDING_CARD, cardNumber: by.card }, origin);
  if ("wallet" in by) {
    const started = await startRedirectPayment(sessionId, by.wallet);
    await answerAuthorization(started.status === "started" ? started.token : "", true, origin);
  }
  if ("konbini" in by) {
    await issueVoucher(sessionId, origin, { phone: "22222222220" });
    await deliverEventsOf(sessionId);
  }
  await advanceClock(esim.id, buyer.id, 11 * 24 * 60);
  if ("konbini" in by) await runQueuedJob(`konbini-voucher:${sessionId}`);
  return { buyer, order, sessionId };
}

const paidEvent = (by: PaidBy) =>
  "konbini" in by ? "checkout.session.async_payment_succeeded" : "checkout.session.completed";

async function onlyRefundOf(sessionId: string) {
  const [refund, ...others] = await db.localRefund.findMany({ where: { sessionId } });
  expect(others).toHaveLength(0);
  return refund!;
}

// The payment's event reaches the webhook route, which cannot credit the top-up and refunds it
// through the local gateway.
async function topUpRefused(by: PaidBy, locale = "en") {
  const paid = await topUpPaidTooLate(by, locale);
  expect(await deliverEventsOf(paid.sessionId)).toEqual([{ type: paidEvent(by), status: "delivered" }]);
  const refund = await onlyRefundOf(paid.sessionId);
  expect(refund).toMatchObject({ amount: paid.order.totalAmount, currency: "JPY" });
  return { ...paid, refund };
}

describe("a refund of an undeliverable order, by how it was paid", () => {
  it.each([
    ["card 4242", { card: "4242424242424242" }],
    ["PayPay", { wallet: "paypay" }],
    ["PayPal", { wallet: "paypal" }],
  ] as const)("by %s is paid back at once, with one email", async (_, by) => {
    const { buyer, order, refund } = await topUpRefused(by);
    expect(refund.status).toBe("succeeded");
    expect(await orderOf(order.id)).toMatchObject({
      status: "REFUNDED",
      failureReason: "topup_closed",
      refundId: refund.id,
      refundStatus: "succeeded",
      refundedAt: expect.any(Date),
    });
    expect(await statesOf(buyer.id)).toEqual(["succeeded"]);
    expect(await queuedJob(refundJob(refund.id))).toBeNull();
  });

  it("by card 4000 0000 0000 7726 is pending, then succeeds on the queue, and a late pending undoes nothing", async () => {
    const { buyer, order, refund } = await topUpRefused({ card: "4000000000007726" });
    expect(refund.status).toBe("pending");
    expect(await orderOf(order.id)).toMatchObject({
      status: "FAILED",
      refundDueAt: null,
      refundId: refund.id,
      refundStatus: "pending",
      refundedAt: null,
    });
    expect(await statesOf(buyer.id)).toEqual(["pending"]);
    const job = await queuedJob(refundJob(refund.id));
    expect(job).toMatchObject({
      task: "settle-local-refund",
      payload: { refundId: refund.id, from: "pending", to: "succeeded" },
    });
    expect(job!.runAt.getTime() - refund.createdAt.getTime()).toBeCloseTo(REFUND_SETTLE_DELAY_MS / SCALE, -3);

    await runQueuedJob(refundJob(refund.id));
    expect(await deliverEventsOf(refund.sessionId)).toEqual(refundUpdated);
    expect(await orderOf(order.id)).toMatchObject({
      status: "REFUNDED",
      refundStatus: "succeeded",
      refundedAt: expect.any(Date),
    });
    expect(await statesOf(buyer.id)).toEqual(["pending", "succeeded"]);

    // Told again, and a pending that arrives late: nothing changes, and nobody is emailed again.
    const [told] = await db.localWebhookEvent.findMany({
      where: { sessionId: refund.sessionId, type: "charge.refund.updated" },
    });
    expect(await postEvent(signedEvent(told!.payload as object))).toEqual({ status: 200, result: "duplicate" });
    expect(await postEvent(await signedRefundEvent(refund.id, "pending"))).toEqual({ status: 200, result: "handled" });
    expect(await orderOf(order.id)).toMatchObject({ status: "REFUNDED", refundStatus: "succeeded" });
    expect(await statesOf(buyer.id)).toEqual(["pending", "succeeded"]);
  });

  it("by card 4000 0000 0000 5126 succeeds at once, then fails on the queue, once however often it is told", async () => {
    const { buyer, order, refund } = await topUpRefused({ card: "4000000000005126" });
    expect(refund.status).toBe("succeeded");
    expect(await orderOf(order.id)).toMatchObject({ status: "REFUNDED", refundStatus: "succeeded" });
    expect(await queuedJob(refundJob(refund.id))).toMatchObject({ payload: { from: "succeeded", to: "failed" } });

    await runQueuedJob(refundJob(refund.id));
    expect(await deliverEventsOf(refund.sessionId)).toEqual(refundUpdated);
    expect(await db.localRefund.findUniqueOrThrow({ where: { id: refund.id } })).toMatchObject({
      status: "failed",
      failureReason: "declined",
    });
    expect(await orderOf(order.id)).toMatchObject({
      status: "FAILED",
      refundStatus: "failed",
      refundFailedAt: expect.any(Date),
    });

    const failedAgain = await signedRefundEvent(refund.id);
    expect(await postEvent(failedAgain)).toEqual({ status: 200, result: "handled" });
    expect(await postEvent(failedAgain)).toEqual({ status: 200, result: "duplicate" });
    expect(await postEvent(await signedRefundEvent(refund.id))).toEqual({ status: 200, result: "handled" });
    expect(await orderOf(order.id)).toMatchObject({ status: "FAILED", refundStatus: "failed" });
    expect(await statesOf(buyer.id)).toEqual(["succeeded", "failed"]);
  });

  it.each(["card", "konbini"] as const)(
    "paid by %s is one refund, with one link, however often the same idempotency key asks, 20 times at once",
    async (method) => {
      const { order, sessionId } = method === "card" ? await paidWithoutDelivery() : await openCheckout();
      if (method === "konbini") {
        await issueVoucher(sessionId, webhookServer.origin, { phone: "22222222220" });
        await deliverEventsOf(sessionId);
        await runQueuedJob(`konbini-voucher:${sessionId}`);
      }
      const { paymentIntentId } = await db.localCheckoutSession.findUniqueOrThrow({ where: { id: sessionId } });
      const ask = () =>
        refundLocalPayment({
          orderId: order.id,
          paymentIntentId: paymentIntentId!,
          amount: order.totalAmount,
          idempotencyKey: refundIdempotencyKey(order.id),
        });
      const answers = await Promise.all(Array.from({ length: 20 }, ask));
      const [refund, ...others] = await db.localRefund.findMany({ where: { sessionId } });
      expect(others).toHaveLength(0);
      const status = method === "card" ? "succeeded" : "requires_action";
      const actionUrl = method === "card" ? null : expect.stringMatching(/^\/checkout\/local\/refunds\/[\w-]{43}$/);
      expect(answers[0]).toEqual({ id: refund!.id, status, amount: order.totalAmount, currency: "JPY", actionUrl });
      expect(answers.slice(1)).toEqual(Array(19).fill(answers[0]));
    },
  );
});

describe("a Konbini refund", () => {
  // Paid in cash at a store: the refund waits for a bank account, through the emailed link.
  async function konbiniRefund(locale = "en") {
    const refused = await topUpRefused({ konbini: true }, locale);
    const order = await orderOf(refused.order.id);
    const token = order.refundActionUrl?.split("/").pop() ?? "";
    return { ...refused, order, token };
  }
  const account = (accountNumber: string, token: string) => {
    const { token: _token, ...details } = bankAccountSchema.parse({
      token,
      bankCode: "1100",
      branchCode: "000",
      accountType: "ordinary",
      accountNumber,
      holderName: "タナカ アイコ",
    });
    return details;
  };

  it("requires action: the order and the email carry the link, in the buyer's language", async () => {
    const { buyer, order, refund, token } = await konbiniRefund("ja");
    expect(refund.status).toBe("requires_action");
    expect(order).toMatchObject({
      status: "FAILED",
      refundDueAt: null,
      refundId: refund.id,
      refundStatus: "requires_action",
      refundActionUrl: `/checkout/local/refunds/${token}`,
    });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await refundForBankDetails(token)).toMatchObject({ status: "requires_action", amount: order.totalAmount });

    const [email, ...others] = await refundEmails(buyer.id);
    expect(others).toHaveLength(0);
    expect(email).toMatchObject({
      locale: "ja",
      payload: { state: "requires_action", actionUrl: order.refundActionUrl },
    });
    const rendered = await renderEmail("order-refund", email!.payload as EmailPayloads["order-refund"], email!.locale);
    expect(rendered.subject).toMatch(/^Tabi のご注文 TB-\w{8} の返金先口座を教えてください$/);
    for (const part of [rendered.html, rendered.text]) {
      expect(part).toContain(`${env().APP_URL}/ja/checkout/local/refunds/${token}`);
      expect(part).toContain("口座を入力する");
    }

    // Unanswered, it fails when its 45 days (in sandbox time) are over.
    const job = await queuedJob(refundJob(refund.id));
    expect(job).toMatchObject({ payload: { from: "requires_action", to: "failed" } });
    expect(job!.runAt.getTime() - refund.createdAt.getTime()).toBeCloseTo(KONBINI_REFUND_WINDOW_MS / SCALE, -3);
    await runQueuedJob(refundJob(refund.id));
    expect(await deliverEventsOf(refund.sessionId)).toEqual(refundUpdated);
    expect(await db.localRefund.findUniqueOrThrow({ where: { id: refund.id } })).toMatchObject({
      status: "failed",
      failureReason: "expired",
    });
    expect(await orderOf(order.id)).toMatchObject({
      status: "FAILED",
      refundStatus: "failed",
      refundFailedAt: expect.any(Date),
      refundActionUrl: null,
    });
    expect(await refundForBankDetails(token)).toEqual({ status: "failed" });
    expect(await giveRefundBankAccount(token, account("0001234", token), webhookServer.origin)).toEqual({
      status: "closed",
    });
  });

  it("is paid to the bank account given, pending and then succeeded", async () => {
    const { buyer, order, refund, token } = await konbiniRefund();
    expect(await giveRefundBankAccount(token, account("0001234", token), webhookServer.origin)).toEqual({
      status: "accepted",
    });
    expect(await deliverEventsOf(refund.sessionId)).toEqual(refundUpdated);
    expect(await orderOf(order.id)).toMatchObject({ status: "FAILED", refundStatus: "pending", refundActionUrl: null });
    expect(await db.localRefund.findUniqueOrThrow({ where: { id: refund.id } })).toMatchObject({
      status: "pending",
      bankAccountLast4: "1234",
    });
    expect(await refundForBankDetails(token)).toEqual({ status: "answered" });
    expect(await giveRefundBankAccount(token, account("0001234", token), webhookServer.origin)).toEqual({
      status: "closed",
    });

    // The bank account replaced the 45-day expiry with the payout.
    expect(await queuedJob(refundJob(refund.id))).toMatchObject({ payload: { from: "pending", to: "succeeded" } });
    await runQueuedJob(refundJob(refund.id));
    expect(await deliverEventsOf(refund.sessionId)).toEqual(refundUpdated);
    expect(await orderOf(order.id)).toMatchObject({
      status: "REFUNDED",
      refundStatus: "succeeded",
      refundedAt: expect.any(Date),
    });
    expect(await statesOf(buyer.id)).toEqual(["requires_action", "succeeded"]);
  });

  it("fails for one of Stripe's failing test accounts, once however often it is told", async () => {
    const { buyer, order, refund, token } = await konbiniRefund();
    expect(await giveRefundBankAccount(token, account("1111113", token), webhookServer.origin)).toEqual({
      status: "account_refused",
    });
    expect(await deliverEventsOf(refund.sessionId)).toEqual(refundUpdated);
    expect(await db.localRefund.findUniqueOrThrow({ where: { id: refund.id } })).toMatchObject({
      status: "failed",
      failureReason: "declined",
    });
    expect(await orderOf(order.id)).toMatchObject({
      status: "FAILED",
      refundStatus: "failed",
      refundFailedAt: expect.any(Date),
    });

    // The 45-day job, when it comes, finds the refund settled; the failure told again changes nothing.
    await runQueuedJob(refundJob(refund.id));
    expect(await deliverEventsOf(refund.sessionId)).toEqual([]);
    expect(await postEvent(await signedRefundEvent(refund.id))).toEqual({ status: 200, result: "handled" });
    expect(await statesOf(buyer.id)).toEqual(["requires_action", "failed"]);
  });

  it("keeps its link when the gateway's answer was lost and the refund is asked for again", async () => {
    const { buyer, order, sessionId } = await topUpPaidTooLate({ konbini: true });
    // The gateway takes the refund, but its answer never reaches the shop (a timeout).
    vi.spyOn(localGateway, "refundPayment").mockImplementationOnce(async (input) => {
      await refundLocalPayment(input);
      throw new Error("socket hang up");
    });
    expect(await deliverEventsOf(sessionId)).toEqual([{ type: paidEvent({ konbini: true }), status: "rescheduled" }]);
    expect(await orderOf(order.id)).toMatchObject({ status: "FAILED", refundDueAt: expect.any(Date) });

    // The redelivery asks again, with the same idempotency key, and is answered the same refund.
    expect(await deliverEventsOf(sessionId)).toEqual([{ type: paidEvent({ konbini: true }), status: "delivered" }]);
    const refund = await onlyRefundOf(sessionId);
    const recorded = await orderOf(order.id);
    expect(recorded).toMatchObject({ refundId: refund.id, refundStatus: "requires_action" });
    const token = recorded.refundActionUrl?.split("/").pop() ?? "";
    expect(await refundForBankDetails(token)).toMatchObject({ status: "requires_action", refundId: refund.id });
    expect((await refundEmails(buyer.id)).map((email) => email.payload)).toEqual([
      expect.objectContaining({ state: "requires_action", actionUrl: recorded.refundActionUrl }),
    ]);
  });

  it("keeps its link, on the order and in one email, when its payment is told 20 times at once", async () => {
    const { buyer, order, sessionId } = await topUpPaidTooLate({ konbini: true });
    const told = await signedSessionEvent("checkout.session.async_payment_succeeded", sessionId);
    await Promise.all([
      fulfilCheckout(sessionId),
      ...Array.from({ length: 10 }, () => postEvent(told)),
      ...Array.from({ length: 10 }, async () =>
        postEvent(await signedSessionEvent("checkout.session.async_payment_succeeded", sessionId)),
      ),
    ]);
    const refund = await onlyRefundOf(sessionId);
    const recorded = await orderOf(order.id);
    expect(recorded).toMatchObject({ refundId: refund.id, refundStatus: "requires_action" });
    const token = recorded.refundActionUrl?.split("/").pop() ?? "";
    expect(await refundForBankDetails(token)).toMatchObject({ status: "requires_action", refundId: refund.id });
    const [email, ...others] = await refundEmails(buyer.id);
    expect(others).toHaveLength(0);
    expect(email!.payload).toMatchObject({ actionUrl: recorded.refundActionUrl });
  });
});
