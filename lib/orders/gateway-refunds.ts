import "server-only";
import { db } from "../db/client";
import { log } from "../log";
import type { RefundStatus } from "../payments/gateway";
import { enqueueRefundNotice } from "./order-emails";
import { followRefunds, gatewayRefundedAmount, isDelivered, lockOrder, refundableAmount } from "./order-refunds";
import { isStaffRefundReason } from "./staff-refund-reasons";

// The gateway's word on the refunds of delivered orders: a staff refund settling or failing
// later (charge.refund.updated), and refunds made in Stripe's dashboard, which the shop learns
// of only from charge.refunded. Both are conditional on what the shop already knows, so a
// replayed or late event changes nothing.

export type GatewayRefundUpdate = { status: "applied" | "unchanged" | "unknown" | "not_recorded_yet" };

// Which statuses each may leave: a refund only moves forward, and a succeeded one may still
// fail (the bank returned it).
const MAY_LEAVE: Record<RefundStatus, string[]> = {
  pending: ["requires_action"],
  requires_action: [],
  succeeded: ["pending", "requires_action"],
  failed: ["pending", "requires_action", "succeeded"],
  canceled: ["pending", "requires_action", "succeeded"],
};

// A staff refund's later status; "unknown" when the refund is none of the order refunds (it is
// then an undeliverable order's, lib/orders/refund-updates.ts). `orderId` (the refund's
// metadata) tells a refund whose answer is still being recorded from one never made here.
export async function applyOrderRefundUpdate(
  refundId: string,
  status: RefundStatus,
  orderId?: string,
  now = new Date(),
): Promise<GatewayRefundUpdate> {
  const known = await db.orderRefund.findUnique({ where: { refundId } });
  if (!known) {
    const asking = orderId
      ? await db.orderRefund.findFirst({ where: { orderId, status: "requesting" }, select: { id: true } })
      : null;
    return { status: asking ? "not_recorded_yet" : "unknown" };
  }
  const applied = await db.$transaction(async (tx) => {
    const order = (await lockOrder(tx, known.orderId))!;
    const to = status === "canceled" ? "failed" : status;
    const { count } = await tx.orderRefund.updateMany({
      where: { id: known.id, status: { in: MAY_LEAVE[status] } },
      data: { status: to },
    });
    if (count === 0) return false;
    await followRefunds(tx, order, now);
    if (known.notifyCustomer && isStaffRefundReason(known.reason) && to !== "pending")
      await enqueueRefundNotice(tx, order.id, known.reason, { state: to, at: now, amount: known.amount });
    return true;
  });
  if (applied && status !== "succeeded" && status !== "pending")
    log.error({ orderId: known.orderId, refundId, status }, "a staff refund failed after it was accepted");
  return { status: applied ? "applied" : "unchanged" };
}

export type ChargeRefunded = { id: string; paymentIntentId: string; amountRefunded: number };

// charge.refunded: the charge's refunded total, whoever made the refunds. What it counts beyond
// the refunds the shop knows of was refunded outside the shop (Stripe's dashboard), and is
// recorded as one refund of the difference, keyed by the total so that a replay adds nothing
// and an older, smaller total arriving late is below what is known.
export async function applyChargeRefunded(charge: ChargeRefunded, now = new Date()): Promise<GatewayRefundUpdate> {
  const found = await db.order.findFirst({ where: { paymentIntentId: charge.paymentIntentId }, select: { id: true } });
  if (!found) return { status: "unknown" };
  const applied = await db.$transaction(async (tx) => {
    const order = (await lockOrder(tx, found.id))!;
    // An undeliverable order's own refund is followed on the order itself.
    if (!isDelivered(order.status)) return false;
    const missing = charge.amountRefunded - (await gatewayRefundedAmount(tx, order.id));
    const amount = Math.min(missing, await refundableAmount(tx, order));
    if (amount <= 0) return false;
    const { count } = await tx.orderRefund.createMany({
      data: [
        {
          orderId: order.id,
          source: "gateway",
          idempotencyKey: `charge-refunded-${charge.id}-${charge.amountRefunded}`,
          amount,
          currency: order.currency,
          status: "succeeded",
          reason: "gateway",
        },
      ],
      skipDuplicates: true,
    });
    if (count === 0) return false;
    await followRefunds(tx, order, now);
    return true;
  });
  if (applied) log.warn({ orderId: found.id, chargeId: charge.id }, "a refund made outside the shop was recorded");
  return { status: applied ? "applied" : "unchanged" };
}
