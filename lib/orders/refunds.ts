import "server-only";
import type { Order } from "@prisma/client";
import { db } from "../db/client";
import { log } from "../log";
import type { CheckoutSessionSnapshot } from "../payments/gateway";
import { paymentGateway } from "../payments/provider";
import { announceOrderRefunded } from "../webhooks/announce";
import { enqueueRefundNotice } from "./order-emails";
import { refundReason, type RefundReason } from "./refund-reasons";
import { transitionOrder } from "./status";

export type RefundOutcome = {
  status: "refunded" | "refund_pending" | "refund_due" | "refund_failed" | "already_done";
};

// One refund per order, however often it is asked for, at either gateway.
export const refundIdempotencyKey = (orderId: string) => `refund-order-${orderId}`;

// Paid for, not delivered, and the money not yet given back.
export function isRefundDue(order: Pick<Order, "status" | "refundDueAt">): boolean {
  return order.status === "FAILED" && order.refundDueAt !== null;
}

export type RefundStage = "due" | "pending" | "requires_action" | "succeeded" | "failed";

// Where an order's refund stands, for the buyer: none (null), still to be asked of the gateway,
// on its way, waiting for the buyer's bank account, paid out, or failed for good.
export function refundStage(
  order: Pick<Order, "status" | "refundDueAt" | "refundFailedAt" | "refundStatus" | "refundId">,
): RefundStage | null {
  if (order.status === "REFUNDED") return "succeeded";
  if (order.status !== "FAILED") return null;
  if (order.refundFailedAt) return "failed";
  if (order.refundDueAt) return "due";
  if (order.refundId && (order.refundStatus === "pending" || order.refundStatus === "requires_action"))
    return order.refundStatus;
  return null;
}

// A paid order that cannot be delivered fails with its refund due. That PENDING → FAILED
// transition is the claim: the caller that wins it refunds, any other finds the order handled.
export async function refundUndeliverable(
  orderId: string,
  session: Pick<CheckoutSessionSnapshot, "paymentStatus" | "paymentIntentId">,
  reason: RefundReason,
): Promise<RefundOutcome | { status: "refused" }> {
  const { paymentStatus, paymentIntentId } = session;
  const claimed = await transitionOrder(db, { id: orderId }, "PENDING", "FAILED", {
    failureReason: reason,
    paymentStatus,
    paymentIntentId,
    refundDueAt: paymentIntentId ? new Date() : null,
  });
  if (!claimed) return { status: "already_done" };
  log.warn({ orderId, reason }, "paid order cannot be delivered; refunding it");
  // Without a payment intent nothing was charged, so there is nothing to give back.
  if (!paymentIntentId) return { status: "refused" };
  return settleDueRefund(orderId);
}

// Asks the gateway for the order's refund, then records it. The gateway gives one refund per
// order however often it is asked, and the FAILED → REFUNDED transition (with the customer's
// email) is conditional, so concurrent and repeated calls refund and tell once. When the
// gateway fails, the order stays refund due and the next call (a webhook retry, the success
// page, the retry job) tries again.
export async function settleDueRefund(orderId: string): Promise<RefundOutcome> {
  const order = await db.order.findUniqueOrThrow({
    where: { id: orderId },
    include: { user: { select: { email: true } } },
  });
  if (!isRefundDue(order)) return { status: "already_done" };
  const reason = refundReason(order.failureReason);
  if (!order.paymentIntentId || !reason)
    throw new Error(`Order ${orderId} is refund due without a payment or a reason`);

  let refund;
  try {
    const gateway = paymentGateway();
    // What was paid goes back, which is the order's total unless the amounts did not match.
    const session = order.paymentSessionId ? await gateway.retrieveSession(order.paymentSessionId) : null;
    refund = await gateway.refundPayment({
      orderId,
      paymentIntentId: order.paymentIntentId,
      amount: session?.amountTotal ?? order.totalAmount,
      idempotencyKey: refundIdempotencyKey(orderId),
      // A voucher was paid in cash: the buyer is asked where the money should go.
      instructionsEmail: order.paymentMethod === "konbini" ? order.user.email : undefined,
    });
  } catch (error) {
    // A passing failure (no answer, a server error, a rate limit): asked again, it may succeed.
    log.error({ err: error, orderId }, "refund failed; the order stays refund due");
    return { status: "refund_due" };
  }
  // Refused for good (not a passing error), at once or as the refund's first word: asking again
  // gives the same answer, so the order leaves refund due and waits for a person, who sees it on
  // the order, in the console's overview and in the error log.
  if (refund.status === "refused" || refund.status === "failed" || refund.status === "canceled") {
    const refundId = refund.status === "refused" ? null : refund.id;
    const failureReason = refund.status === "refused" ? refund.reason : null;
    const { count } = await db.order.updateMany({
      where: { id: orderId, status: "FAILED", refundDueAt: { not: null } },
      data: {
        refundDueAt: null,
        refundFailedAt: new Date(),
        refundFailureReason: failureReason,
        refundId,
        refundStatus: "failed",
      },
    });
    if (count === 1) {
      log.error(
        { orderId, refundId, status: refund.status, reason: failureReason },
        "refund refused for good; settle it by hand",
      );
    }
    return { status: "refund_failed" };
  }

  const at = new Date();
  if (refund.status === "pending" || refund.status === "requires_action") {
    // Asked for and accepted, not yet paid out (a refund test card, a Konbini refund waiting
    // for the bank account): the order follows the refund's own updates from here.
    const { status, actionUrl } = refund;
    const recorded = await db.$transaction(async (tx) => {
      const { count } = await tx.order.updateMany({
        where: { id: orderId, status: "FAILED", refundDueAt: { not: null } },
        data: { refundDueAt: null, refundId: refund.id, refundStatus: status, refundActionUrl: actionUrl },
      });
      if (count === 1) await enqueueRefundNotice(tx, orderId, reason, { state: status, at, actionUrl });
      return count === 1;
    });
    if (recorded) log.info({ orderId, refundId: refund.id, status }, "refund accepted, not yet paid out");
    return { status: recorded ? "refund_pending" : "already_done" };
  }

  const recorded = await db.$transaction(async (tx) => {
    const moved = await transitionOrder(tx, { id: orderId, refundDueAt: { not: null } }, "FAILED", "REFUNDED", {
      refundedAt: at,
      refundId: refund.id,
      refundStatus: "succeeded",
    });
    if (moved) {
      await enqueueRefundNotice(tx, orderId, reason, { state: "succeeded", at });
      await announceOrderRefunded(tx, orderId, order.userId, at);
    }
    return moved;
  });
  if (!recorded) return { status: "already_done" };
  log.info({ orderId, refundId: refund.id, reason }, "order refunded");
  return { status: "refunded" };
}

// A refund marked due moments ago is still the business of the call that marked it.
const RETRY_AFTER_MS = 60_000;

// Refunds whose gateway call failed in passing, for the retry job: the webhook's redeliveries
// (Stripe's, and the local checkout's schedule) end with their last attempt, and the buyer may
// never reload the page.
export async function retryDueRefunds(now = new Date(), limit = 20): Promise<void> {
  const due = await db.order.findMany({
    where: { status: "FAILED", refundDueAt: { not: null, lte: new Date(now.getTime() - RETRY_AFTER_MS) } },
    orderBy: { refundDueAt: "asc" },
    take: limit,
    select: { id: true },
  });
  for (const { id } of due) {
    await settleDueRefund(id).catch((error: unknown) => log.error({ err: error, orderId: id }, "refund retry failed"));
  }
}
