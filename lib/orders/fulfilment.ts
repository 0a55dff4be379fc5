import "server-only";
import { Prisma } from "@prisma/client";
import { db } from "../db/client";
import { applyTopUp, TopUpRefused } from "../balance/topups";
import { issueProfiles } from "../esim/issue";
import { smdpAnswers } from "../esim/smdp";
import { log } from "../log";
import type { CheckoutSessionSnapshot } from "../payments/gateway";
import { paymentGateway } from "../payments/provider";
import { announceOrderFulfilled } from "../webhooks/announce";
import { scheduleIssue } from "./deferred-issue";
import { enqueueReceipt, enqueueVoucher } from "./order-emails";
import { CodeRefused, redeemCode } from "./promotions";
import { isRefundDue, refundUndeliverable, settleDueRefund } from "./refunds";
import { transitionOrder } from "./status";

export { orderReference } from "./order-emails";

export type FulfilmentOutcome = {
  status:
    | "fulfilled"
    | "refused"
    | "refunded"
    | "refund_pending"
    | "refund_due"
    | "refund_failed"
    | "already_done"
    // Paid, and its eSIMs wait for the SM-DP+ to answer (a job issues them).
    | "issue_pending"
    | "awaiting_payment"
    | "unknown_session";
};

// Stripe's "fulfil orders" pattern: one function, called from the webhook and from the success
// page, safe to call any number of times, also concurrently, for the same session. The order's
// PENDING → PAID transition is the lock: exactly one caller wins it and issues the eSIMs.
export async function fulfilCheckout(sessionId: string): Promise<FulfilmentOutcome> {
  const order = await db.order.findUnique({ where: { paymentSessionId: sessionId } });
  if (!order) return { status: "unknown_session" };
  // A refund the gateway did not take last time is asked for again by any later call.
  if (isRefundDue(order)) return settleDueRefund(order.id);
  if (order.status !== "PENDING") return { status: "already_done" };

  const session = await paymentGateway().retrieveSession(sessionId);
  if (!session || session.orderId !== order.id) return { status: "unknown_session" };
  if (session.paymentStatus === "unpaid") return { status: "awaiting_payment" };

  if (session.amountTotal !== order.totalAmount || session.currency !== order.currency) {
    log.error(
      { orderId: order.id, sessionId, amount: session.amountTotal, currency: session.currency },
      "paid amount differs from the order; refunding it",
    );
    return refundUndeliverable(order.id, session, "amount_mismatch");
  }

  const outcome = await db
    .$transaction(async (tx): Promise<FulfilmentOutcome> => {
      const now = new Date();
      const claimed = await transitionOrder(tx, { id: order.id }, "PENDING", "PAID", {
        paidAt: now,
        paymentStatus: session.paymentStatus,
        paymentIntentId: session.paymentIntentId,
        ...paymentMethodOf(session),
        // Paid: the voucher is spent.
        konbiniVoucher: Prisma.DbNull,
      });
      if (!claimed) return { status: "already_done" };

      if (order.kind === "TOPUP") await applyTopUp(tx, order);
      if (order.promotionId) await redeemCode(tx, { ...order, promotionId: order.promotionId });
      if (order.kind === "ESIM") {
        // The payment is kept either way; only the eSIMs wait for the SM-DP+.
        if (!(await smdpAnswers(tx, order.userId, await carrierOf(tx, order.planId)))) {
          await scheduleIssue(tx, order.id, 0);
          return { status: "issue_pending" };
        }
        await issueProfiles(tx, order);
      }
      // The claim above holds the order's row until this transaction ends, so this always moves.
      await transitionOrder(tx, { id: order.id }, "PAID", "FULFILLED", { fulfilledAt: now });
      await enqueueReceipt(tx, order.id);
      await announceOrderFulfilled(tx, order);
      return { status: "fulfilled" };
    })
    .catch(async (error: unknown) => {
      // Paid, but for something that cannot be credited, or at a discount the buyer may not
      // have: nothing is issued or redeemed, and the payment goes back.
      if (error instanceof TopUpRefused) return refundUndeliverable(order.id, session, `topup_${error.reason}`);
      if (error instanceof CodeRefused) return refundUndeliverable(order.id, session, `promo_${error.reason}`);
      throw error;
    });
  return outcome;
}

async function carrierOf(tx: Prisma.TransactionClient, planId: string | null) {
  if (!planId) throw new Error("An eSIM order has no plan");
  const plan = await tx.plan.findUniqueOrThrow({ where: { id: planId }, select: { carrierCode: true } });
  return plan.carrierCode;
}

function paymentMethodOf({ paymentMethod }: CheckoutSessionSnapshot) {
  if (!paymentMethod) return {};
  const { type, ...details } = paymentMethod;
  return { paymentMethod: type, paymentDetails: details };
}

// Payment will not arrive: the order closes unless it was already paid, and its promotion's
// place (held by orders that may still be paid) is free again.
export async function closeUnpaidOrder(sessionId: string, status: "EXPIRED" | "FAILED", reason?: string) {
  return transitionOrder(db, { paymentSessionId: sessionId }, "PENDING", status, {
    failureReason: reason,
    konbiniVoucher: Prisma.DbNull,
  });
}

// Events can arrive in any order: a failure is believed only if the gateway still says the
// session is unpaid; if it was paid after all, the order is fulfilled instead.
export async function closeUnlessPaid(
  sessionId: string,
  reason: string,
): Promise<FulfilmentOutcome | { status: "closed" }> {
  const session = await paymentGateway().retrieveSession(sessionId);
  if (session?.paymentStatus === "paid") return fulfilCheckout(sessionId);
  await closeUnpaidOrder(sessionId, "FAILED", reason);
  return { status: "closed" };
}

export type VoucherOutcome = { status: "voucher_recorded" | "already_done" | "unknown_session" };

// A Konbini checkout completed unpaid: the order keeps waiting, now with its voucher, and the
// buyer is emailed the voucher, once (conditional on no method recorded yet).
export async function recordAwaitingPayment(sessionId: string): Promise<VoucherOutcome> {
  const order = await db.order.findUnique({ where: { paymentSessionId: sessionId }, select: { id: true } });
  if (!order) return { status: "unknown_session" };
  const session = await paymentGateway().retrieveSession(sessionId);
  if (!session || session.orderId !== order.id) return { status: "unknown_session" };
  const voucher = session.konbiniVoucher;
  if (!voucher) return { status: "already_done" };
  return db.$transaction(async (tx): Promise<VoucherOutcome> => {
    const { count } = await tx.order.updateMany({
      where: { id: order.id, status: "PENDING", paymentMethod: null },
      data: { paymentMethod: "konbini", paymentStatus: "unpaid", konbiniVoucher: voucher },
    });
    if (count === 0) return { status: "already_done" };
    await enqueueVoucher(tx, order.id, voucher);
    return { status: "voucher_recorded" };
  });
}
