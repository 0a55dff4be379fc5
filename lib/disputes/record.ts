import "server-only";
import type { Order, Prisma } from "@prisma/client";
import { db } from "../db/client";
import { log } from "../log";
import { followRefunds, isDelivered, lockOrder, refundableAmount } from "../orders/order-refunds";
import { isClosedDispute, movesForward } from "./statuses";

// The gateway's disputes of the shop's payments (charge.dispute.created / updated / closed),
// recorded on the order they dispute. A lost dispute gives the money back as surely as a
// refund: it is recorded as one (an order refund of the dispute), and the order follows —
// refunded in full, its eSIMs revoked and their data lapsed in the ledger.

export type DisputeEventObject = {
  id: string;
  paymentIntentId: string;
  chargeId: string | null;
  amount: number;
  currency: string;
  reason: string;
  status: string;
  evidenceDueBy: Date | null;
};

export type DisputeRecorded = { status: "recorded" | "unchanged" | "not_recorded_yet" };

async function recordLoss(tx: Prisma.TransactionClient, order: Order, disputeId: string, amount: number, at: Date) {
  if (!isDelivered(order.status)) return;
  const taken = Math.min(amount, await refundableAmount(tx, order));
  if (taken <= 0) return;
  await tx.orderRefund.createMany({
    data: [
      {
        orderId: order.id,
        source: "dispute",
        idempotencyKey: `dispute-lost-${disputeId}`,
        amount: taken,
        currency: order.currency,
        status: "succeeded",
        reason: "dispute_lost",
      },
    ],
    skipDuplicates: true,
  });
  await followRefunds(tx, order, at);
}

// Under the order's lock, so a dispute and a refund of one order are counted one after the
// other. A dispute of a payment no order has recorded yet (its fulfilment is still on its way)
// is asked for again.
export async function recordDisputeEvent(dispute: DisputeEventObject, now = new Date()): Promise<DisputeRecorded> {
  const found = await db.order.findFirst({ where: { paymentIntentId: dispute.paymentIntentId }, select: { id: true } });
  if (!found) return { status: "not_recorded_yet" };
  const changed = await db.$transaction(async (tx) => {
    const order = (await lockOrder(tx, found.id))!;
    const existing = await tx.dispute.findUnique({ where: { id: dispute.id } });
    const closedAt = isClosedDispute(dispute.status) ? now : null;
    if (!existing) {
      await tx.dispute.create({
        data: {
          id: dispute.id,
          orderId: order.id,
          paymentIntentId: dispute.paymentIntentId,
          chargeId: dispute.chargeId,
          amount: dispute.amount,
          currency: dispute.currency.toUpperCase(),
          reason: dispute.reason,
          status: dispute.status,
          evidenceDueBy: dispute.evidenceDueBy,
          closedAt,
          gatewayUpdatedAt: now,
        },
      });
    } else {
      if (!movesForward(existing.status, dispute.status)) return false;
      const { count } = await tx.dispute.updateMany({
        where: { id: dispute.id, status: existing.status },
        data: { status: dispute.status, evidenceDueBy: dispute.evidenceDueBy, closedAt, gatewayUpdatedAt: now },
      });
      if (count === 0) return false;
    }
    if (dispute.status === "lost") await recordLoss(tx, order, dispute.id, dispute.amount, now);
    return true;
  });
  if (changed) log.info({ orderId: found.id, disputeId: dispute.id, status: dispute.status }, "dispute recorded");
  return { status: changed ? "recorded" : "unchanged" };
}
