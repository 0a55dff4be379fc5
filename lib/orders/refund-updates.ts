import "server-only";
import { db } from "../db/client";
import { log } from "../log";
import type { RefundStatus } from "../payments/gateway";
import { announceOrderRefunded } from "../webhooks/announce";
import { enqueueRefundNotice } from "./order-emails";
import { refundReason } from "./refund-reasons";
import { transitionOrder } from "./status";

// A refund still on its way: accepted by the gateway, not yet paid out.
const IN_FLIGHT = ["pending", "requires_action"];

export type RefundUpdate = { status: "applied" | "unchanged" | "not_recorded_yet" | "unknown_refund" };

// The gateway's later word on an order's refund (charge.refund.updated): it reached the buyer,
// it failed (unanswered, or returned by the bank after it had succeeded), or it moved on. Each
// change is conditional on the state it leaves, so replays and reordered events change nothing
// twice, and a late "pending" never undoes a "succeeded".
// `failureReason`: the gateway's words for a failure (Stripe's refund.failure_reason).
export async function applyRefundUpdate(
  refundId: string,
  status: RefundStatus,
  { orderId, failureReason, now = new Date() }: { orderId?: string; failureReason?: string | null; now?: Date } = {},
): Promise<RefundUpdate> {
  const order = await db.order.findUnique({ where: { refundId } });
  if (!order) {
    // The refund's answer may still be on its way to the order that asked for it.
    const asking = orderId ? await db.order.findUnique({ where: { id: orderId } }) : null;
    return { status: asking?.refundDueAt ? "not_recorded_yet" : "unknown_refund" };
  }
  const reason = refundReason(order.failureReason);
  const inFlight = { id: order.id, refundId, refundStatus: { in: IN_FLIGHT } };

  const applied = await db.$transaction(async (tx) => {
    if (status === "succeeded") {
      const moved = await transitionOrder(tx, inFlight, "FAILED", "REFUNDED", {
        refundedAt: now,
        refundStatus: "succeeded",
        refundActionUrl: null,
      });
      if (moved && reason) await enqueueRefundNotice(tx, order.id, reason, { state: "succeeded", at: now });
      if (moved) await announceOrderRefunded(tx, order.id, order.userId, now);
      return moved;
    }
    if (status === "failed" || status === "canceled") {
      const failed = {
        refundFailedAt: now,
        refundFailureReason: failureReason ?? null,
        refundedAt: null,
        refundStatus: "failed",
        refundActionUrl: null,
      };
      const moved =
        (await tx.order.updateMany({ where: { ...inFlight, status: "FAILED" }, data: failed })).count === 1 ||
        (await transitionOrder(
          tx,
          { id: order.id, refundId, refundStatus: "succeeded" },
          "REFUNDED",
          "FAILED",
          failed,
        ));
      if (moved && reason) await enqueueRefundNotice(tx, order.id, reason, { state: "failed", at: now });
      return moved;
    }
    const { count } = await tx.order.updateMany({
      where: { ...inFlight, status: "FAILED", NOT: { refundStatus: status } },
      data: { refundStatus: status, ...(status === "pending" && { refundActionUrl: null }) },
    });
    return count === 1;
  });
  if (applied && (status === "failed" || status === "canceled"))
    log.error({ orderId: order.id, refundId, failureReason }, "refund failed after it was accepted; settle it by hand");
  return { status: applied ? "applied" : "unchanged" };
}
