import { afterEach, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/webhooks/stripe/route";
import { advanceClock } from "../balance/simulator";
import { esimBalance } from "../balance/summary";
import { db } from "../db/client";
import type { EmailPayloads } from "../email/messages";
import { renderEmail } from "../email/render";
import { formatMoney } from "../money";
import { log } from "../log";
import { localGateway } from "../payments/local-gateway";
import { refundLocalPayment } from "../payments/local-refunds";
import {
  activeEsim,
  paidTopUpWithoutDelivery,
  paidWithoutDelivery,
  signedSessionEvent,
  webhookRequest,
} from "../testing/shop";
import { fulfilCheckout } from "./fulfilment";
import { retryDueRefunds } from "./refunds";

afterEach(() => {
  vi.restoreAllMocks();
});

// A top-up paid after the eSIM's clock ran past its end and the 7-day grace window (a 3-day
// plan, 11 days on): the payment arrives for something that can no longer be credited.
async function topUpPaidTooLate() {
  const { buyer, esim } = await activeEsim("au-1gb-3d");
  const paid = await paidTopUpWithoutDelivery(buyer, esim.id);
  await advanceClock(esim.id, buyer.id, 11 * 24 * 60);
  return { buyer, esim, ...paid };
}

const orderOf = (orderId: string) => db.order.findUniqueOrThrow({ where: { id: orderId } });
const localSessionOf = (sessionId: string) => db.localCheckoutSession.findUniqueOrThrow({ where: { id: sessionId } });
const localRefundsOf = (sessionId: string) => db.localRefund.findMany({ where: { sessionId } });
const refundEmailsOf = (userId: string) => db.outboxEmail.findMany({ where: { userId, template: "order-refund" } });

describe("a top-up refused at fulfilment", () => {
  it("is refunded in full through the gateway, credits nothing, and tells the buyer why", async () => {
    const { buyer, esim, order, sessionId } = await topUpPaidTooLate();
    const creditedBefore = (await esimBalance(esim.id, buyer.id))!.totalBytes;

    expect(await fulfilCheckout(sessionId)).toEqual({ status: "refunded" });

    const session = await localSessionOf(sessionId);
    const [refund, ...moreRefunds] = await localRefundsOf(sessionId);
    expect(moreRefunds).toHaveLength(0);
    expect(refund).toMatchObject({ amount: order.totalAmount, status: "succeeded", id: expect.stringMatching(/^re_/) });
    expect(await orderOf(order.id)).toMatchObject({
      status: "REFUNDED",
      failureReason: "topup_closed",
      paymentIntentId: session.paymentIntentId,
      refundId: refund!.id,
      refundStatus: "succeeded",
      refundedAt: expect.any(Date),
    });
    expect((await esimBalance(esim.id, buyer.id))!.totalBytes).toBe(creditedBefore);
    const [email, ...others] = await refundEmailsOf(buyer.id);
    expect(others).toHaveLength(0);
    expect(email).toMatchObject({
      to: buyer.email,
      locale: "en",
      payload: {
        reason: "topup_closed",
        amount: order.totalAmount,
        currency: "JPY",
        topUp: { carrierName: "KDDI au", iccid: esim.iccid },
      },
    });
    expect(await fulfilCheckout(sessionId)).toEqual({ status: "already_done" });

    // In the buyer's language, in HTML and plain text, with the way to a new eSIM.
    const rendered = await renderEmail("order-refund", email!.payload as EmailPayloads["order-refund"], "ja");
    expect(rendered.subject).toMatch(/^Tabi のご注文 TB-\w{8} の返金$/);
    for (const part of [rendered.text, rendered.html]) {
      expect(part).toContain("チャージできなくなっていました");
      expect(part).toContain(formatMoney({ amount: order.totalAmount, currency: "JPY" }, "ja"));
      expect(part).toContain("/ja/plans");
    }
  });

  it("is refunded once, with one email, when the webhook arrives 20 times at once and the success page fulfils too", async () => {
    const { buyer, order, sessionId } = await topUpPaidTooLate();
    const refunds = vi.spyOn(localGateway, "refundPayment");
    const { payload, signature } = await signedSessionEvent("checkout.session.completed", sessionId);

    const [outcome, ...responses] = await Promise.all([
      fulfilCheckout(sessionId),
      ...Array.from({ length: 20 }, () => POST(webhookRequest(payload, signature))),
    ]);
    expect(["refunded", "already_done"]).toContain(outcome.status);
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200));

    const [refund, ...moreRefunds] = await localRefundsOf(sessionId);
    expect(moreRefunds).toHaveLength(0);
    expect(await orderOf(order.id)).toMatchObject({ status: "REFUNDED", refundId: refund!.id });
    expect(refund!.amount).toBe(order.totalAmount);
    // Every gateway call for the order was answered with the same refund.
    const answered = await Promise.all(
      refunds.mock.results.map((r) => r.value as ReturnType<typeof localGateway.refundPayment>),
    );
    expect(answered.length).toBeGreaterThanOrEqual(1);
    expect(new Set(answered.map((answer) => ("id" in answer ? answer.id : answer.status)))).toEqual(
      new Set([refund!.id]),
    );
    expect(await refundEmailsOf(buyer.id)).toHaveLength(1);
  });

  it("stays refund due while the gateway fails, answers the webhook with an error, and is refunded by the redelivery", async () => {
    const { buyer, order, sessionId } = await topUpPaidTooLate();
    const refunds = vi.spyOn(localGateway, "refundPayment").mockRejectedValue(new Error("payment service unavailable"));
    const { payload, signature } = await signedSessionEvent("checkout.session.completed", sessionId);

    const failed = await POST(webhookRequest(payload, signature));
    expect(failed.status).toBe(503);
    expect(await failed.json()).toEqual({ received: true, result: "retry" });
    expect(await fulfilCheckout(sessionId)).toEqual({ status: "refund_due" });
    expect(await orderOf(order.id)).toMatchObject({
      status: "FAILED",
      failureReason: "topup_closed",
      refundDueAt: expect.any(Date),
      refundedAt: null,
    });
    expect(await localRefundsOf(sessionId)).toHaveLength(0);
    expect(await refundEmailsOf(buyer.id)).toHaveLength(0);

    refunds.mockRestore();
    const redelivered = await POST(webhookRequest(payload, signature));
    expect(redelivered.status).toBe(200);
    expect(await redelivered.json()).toEqual({ received: true, result: "handled" });
    expect(await orderOf(order.id)).toMatchObject({
      status: "REFUNDED",
      refundId: (await localRefundsOf(sessionId))[0]!.id,
    });
    expect(await refundEmailsOf(buyer.id)).toHaveLength(1);
    expect((await POST(webhookRequest(payload, signature))).status).toBe(200);
    expect(await refundEmailsOf(buyer.id)).toHaveLength(1);
  });

  it("is refunded by the worker when nobody asks again", async () => {
    const { buyer, order, sessionId } = await topUpPaidTooLate();
    vi.spyOn(localGateway, "refundPayment").mockRejectedValueOnce(new Error("payment service unavailable"));
    expect(await fulfilCheckout(sessionId)).toEqual({ status: "refund_due" });

    await retryDueRefunds(new Date(Date.now() + 2 * 60_000));
    expect(await orderOf(order.id)).toMatchObject({ status: "REFUNDED" });
    expect(await refundEmailsOf(buyer.id)).toHaveLength(1);
  });

  it("ends for good when the gateway refuses the refund, for a person to settle, without retrying", async () => {
    const { buyer, order, sessionId } = await topUpPaidTooLate();
    const refunds = vi.spyOn(localGateway, "refundPayment").mockResolvedValue({
      id: "re_refused",
      status: "failed",
      amount: order.totalAmount,
      currency: order.currency,
      actionUrl: null,
    });
    expect(await fulfilCheckout(sessionId)).toEqual({ status: "refund_failed" });
    expect(await orderOf(order.id)).toMatchObject({
      status: "FAILED",
      refundDueAt: null,
      refundFailedAt: expect.any(Date),
      refundedAt: null,
    });

    await retryDueRefunds(new Date(Date.now() + 2 * 60_000));
    expect(await fulfilCheckout(sessionId)).toEqual({ status: "already_done" });
    expect(refunds).toHaveBeenCalledTimes(1);
    expect(await refundEmailsOf(buyer.id)).toHaveLength(0);
  });

  it("ends for good at once when the gateway refuses outright, with its reason and one error log", async () => {
    const { buyer, order, sessionId } = await topUpPaidTooLate();
    const { paymentIntentId } = await localSessionOf(sessionId);
    // Given back already, outside the shop (a dashboard refund): the gateway has nothing left.
    await refundLocalPayment({
      orderId: order.id,
      paymentIntentId: paymentIntentId!,
      amount: order.totalAmount,
      idempotencyKey: "dashboard-refund",
    });
    const refunds = vi.spyOn(localGateway, "refundPayment");
    const errors = vi.spyOn(log, "error");

    expect(await fulfilCheckout(sessionId)).toEqual({ status: "refund_failed" });
    expect(await orderOf(order.id)).toMatchObject({
      status: "FAILED",
      refundDueAt: null,
      refundFailedAt: expect.any(Date),
      refundFailureReason: `Refund amount ${order.totalAmount} is not within the 0 left of ${paymentIntentId}`,
      refundId: null,
      refundStatus: "failed",
    });
    expect(errors.mock.calls.map(([, message]) => message)).toEqual(["refund refused for good; settle it by hand"]);

    await retryDueRefunds(new Date(Date.now() + 60 * 60_000));
    expect(await fulfilCheckout(sessionId)).toEqual({ status: "already_done" });
    expect(refunds).toHaveBeenCalledTimes(1);
    expect(errors).toHaveBeenCalledTimes(1);
    expect(await refundEmailsOf(buyer.id)).toHaveLength(0);
  });

  it("keeps retrying a passing failure, each time the retry job runs, until the gateway answers", async () => {
    const { order, sessionId } = await topUpPaidTooLate();
    const refunds = vi
      .spyOn(localGateway, "refundPayment")
      .mockRejectedValueOnce(new Error("connect ECONNREFUSED"))
      .mockRejectedValueOnce(new Error("503 Service Unavailable"));
    expect(await fulfilCheckout(sessionId)).toEqual({ status: "refund_due" });

    await retryDueRefunds(new Date(Date.now() + 2 * 60_000));
    expect(refunds).toHaveBeenCalledTimes(2);
    expect(await orderOf(order.id)).toMatchObject({
      status: "FAILED",
      refundDueAt: expect.any(Date),
      refundFailedAt: null,
    });

    await retryDueRefunds(new Date(Date.now() + 7 * 60_000));
    expect(refunds).toHaveBeenCalledTimes(3);
    expect(await orderOf(order.id)).toMatchObject({ status: "REFUNDED", refundFailedAt: null });
  });
});

describe("a paid amount that is not the order's", () => {
  it("is refunded whole, delivers nothing, and says why", async () => {
    const { order, sessionId } = await paidWithoutDelivery();
    await db.localCheckoutSession.update({ where: { id: sessionId }, data: { amountTotal: order.totalAmount - 1 } });

    expect(await fulfilCheckout(sessionId)).toEqual({ status: "refunded" });
    expect(await orderOf(order.id)).toMatchObject({ status: "REFUNDED", failureReason: "amount_mismatch" });
    expect(await db.esimProfile.count({ where: { orderId: order.id } })).toBe(0);
    expect((await refundEmailsOf(order.userId))[0]!.payload).toMatchObject({ reason: "amount_mismatch" });
  });
});
