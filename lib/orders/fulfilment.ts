import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "../db/client";
import { enqueueEmail } from "../email/outbox";
import { kickEmailDelivery } from "../email/worker";
import { applyTopUp, TopUpRefused } from "../balance/topups";
import { issueProfiles } from "../esim/issue";
import { log } from "../log";
import { paymentGateway } from "../payments/provider";
import type { Discount } from "./pricing";

export type FulfilmentOutcome =
  | "fulfilled"
  | "refused"
  | "already_done"
  | "awaiting_payment"
  | "unknown_session"
  | "amount_mismatch";

// Stripe's "fulfil orders" pattern: one function, called from the webhook and from the success
// page, safe to call any number of times, also concurrently, for the same session. The order's
// PENDING → PAID transition is the lock: exactly one caller wins it and issues the eSIMs.
export async function fulfilCheckout(sessionId: string): Promise<FulfilmentOutcome> {
  const order = await db.order.findUnique({ where: { paymentSessionId: sessionId } });
  if (!order) return "unknown_session";
  if (order.status !== "PENDING") return "already_done";

  const session = await paymentGateway().retrieveSession(sessionId);
  if (!session || session.orderId !== order.id) return "unknown_session";
  if (session.paymentStatus === "unpaid") return "awaiting_payment";

  if (session.amountTotal !== order.totalAmount || session.currency !== order.currency) {
    log.error({ orderId: order.id, sessionId, amount: session.amountTotal, currency: session.currency }, "paid amount differs from the order");
    await db.order.updateMany({
      where: { id: order.id, status: "PENDING" },
      data: { status: "FAILED", failureReason: "amount_mismatch", paymentStatus: session.paymentStatus },
    });
    return "amount_mismatch";
  }

  const outcome = await db
    .$transaction(async (tx) => {
    const now = new Date();
    const claimed = await tx.order.updateMany({
      where: { id: order.id, status: "PENDING" },
      data: { status: "PAID", paidAt: now, paymentStatus: session.paymentStatus },
    });
    if (claimed.count === 0) return "already_done";

    if (order.kind === "ESIM") await issueProfiles(tx, order);
    if (order.kind === "TOPUP") await applyTopUp(tx, order);
    if (order.promotionId) {
      const redeemed = await tx.promotionRedemption.createMany({
        data: [{ promotionId: order.promotionId, userId: order.userId, orderId: order.id }],
        skipDuplicates: true,
      });
      if (redeemed.count === 1) {
        await tx.promotion.update({ where: { id: order.promotionId }, data: { redemptionCount: { increment: 1 } } });
      }
    }
    await tx.order.update({ where: { id: order.id }, data: { status: "FULFILLED", fulfilledAt: now } });
    await enqueueReceipt(tx, order.id);
    return "fulfilled" as const;
  })
    .catch(async (error: unknown) => {
      if (!(error instanceof TopUpRefused)) throw error;
      // Paid, but for something that cannot be credited: nothing changes, and support refunds.
      log.error({ orderId: order.id, reason: error.reason }, "top-up refused at fulfilment");
      await db.order.updateMany({ where: { id: order.id, status: "PENDING" }, data: { status: "FAILED", failureReason: `topup_${error.reason}`, paymentStatus: session.paymentStatus } });
      return "refused" as const;
    });
  if (outcome === "fulfilled") kickEmailDelivery();
  return outcome;
}

// A short reference people can read out on the phone.
export function orderReference(orderId: string): string {
  return `TB-${orderId.slice(-8).toUpperCase()}`;
}

async function enqueueReceipt(tx: Prisma.TransactionClient, orderId: string) {
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    include: {
      user: true,
      plan: { include: { carrier: { select: { name: true } } } },
      topUpPack: { include: { carrier: { select: { name: true } } } },
      esim: { select: { iccid: true } },
    },
  });
  const item = order.plan
    ? { plan: { carrierName: order.plan.carrier.name, dataMb: order.plan.dataMb, days: order.plan.days } }
    : order.topUpPack && order.esim
      ? { topUp: { carrierName: order.topUpPack.carrier.name, dataMb: order.topUpPack.dataMb, days: order.topUpPack.daysAdded, iccid: order.esim.iccid } }
      : null;
  if (!item) return;
  await enqueueEmail(tx, {
    userId: order.userId,
    to: order.user.email,
    locale: order.user.locale,
    template: "order-receipt",
    payload: {
      name: order.user.name,
      reference: orderReference(order.id),
      ...item,
      quantity: order.quantity,
      subtotalAmount: order.subtotalAmount,
      discounts: order.discounts as Discount[],
      totalAmount: order.totalAmount,
      currency: order.currency,
      paidAt: (order.paidAt ?? new Date()).toISOString(),
    },
  });
}

// Payment will not arrive: the order closes unless it was already paid.
export async function closeUnpaidOrder(sessionId: string, status: "EXPIRED" | "FAILED", reason?: string) {
  const { count } = await db.order.updateMany({
    where: { paymentSessionId: sessionId, status: "PENDING" },
    data: { status, failureReason: reason },
  });
  return count === 1;
}
