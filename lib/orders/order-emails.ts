import "server-only";
import type { Prisma } from "@prisma/client";
import { enqueueEmail } from "../email/outbox";
import type { RefundStatus } from "../payments/gateway";
import type { KonbiniVoucher } from "../payments/konbini";
import { paymentMethodOfOrder } from "./payment-method";
import type { Discount } from "./pricing";
import type { RefundReason } from "./refund-reasons";
import type { StaffRefundReason } from "./staff-refund-reasons";

// A short reference people can read out on the phone.
export function orderReference(orderId: string): string {
  return `TB-${orderId.slice(-8).toUpperCase()}`;
}

// What a reference says of its order's id (its end, lower-cased as ids are), typed in any case;
// null when it is not a reference.
export function orderIdSuffixOf(reference: string): string | null {
  return /^TB-([A-Z0-9]{8})$/i.exec(reference.trim())?.[1]?.toLowerCase() ?? null;
}

async function orderForEmail(tx: Prisma.TransactionClient, orderId: string) {
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    include: {
      user: true,
      plan: { include: { carrier: { select: { name: true } } } },
      topUpPack: { include: { carrier: { select: { name: true } } } },
      esim: { select: { iccid: true } },
    },
  });
  // An eSIM purchase names its plan; a top-up its pack and the eSIM it was for.
  const item = order.plan
    ? { plan: { carrierName: order.plan.carrier.name, dataMb: order.plan.dataMb, days: order.plan.days } }
    : order.topUpPack && order.esim
      ? {
          topUp: {
            carrierName: order.topUpPack.carrier.name,
            dataMb: order.topUpPack.dataMb,
            days: order.topUpPack.daysAdded,
            iccid: order.esim.iccid,
          },
        }
      : null;
  const recipient = { userId: order.userId, to: order.user.email, locale: order.user.locale };
  return { order, item, recipient };
}

export async function enqueueReceipt(tx: Prisma.TransactionClient, orderId: string) {
  const { order, item, recipient } = await orderForEmail(tx, orderId);
  if (!item) return;
  await enqueueEmail(tx, {
    ...recipient,
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
      paymentMethod: paymentMethodOfOrder(order),
    },
  });
}

// The Konbini voucher, for the buyer to take to a store.
export async function enqueueVoucher(tx: Prisma.TransactionClient, orderId: string, voucher: KonbiniVoucher) {
  const { order, item, recipient } = await orderForEmail(tx, orderId);
  await enqueueEmail(tx, {
    ...recipient,
    template: "konbini-voucher",
    payload: { name: order.user.name, reference: orderReference(order.id), ...item, voucher },
  });
}

// The buyer hears when the refund is asked for, and again when one that did not settle at once
// reaches them or fails. A Konbini refund's notice carries the link for the bank account.
// A refund staff gave names its own amount, which may be part of what was paid.
export async function enqueueRefundNotice(
  tx: Prisma.TransactionClient,
  orderId: string,
  reason: RefundReason | StaffRefundReason,
  {
    state,
    at,
    actionUrl,
    amount,
  }: { state: Exclude<RefundStatus, "canceled">; at: Date; actionUrl?: string | null; amount?: number },
) {
  const { order, item, recipient } = await orderForEmail(tx, orderId);
  await enqueueEmail(tx, {
    ...recipient,
    template: "order-refund",
    payload: {
      name: order.user.name,
      reference: orderReference(order.id),
      ...item,
      reason,
      state,
      amount: amount ?? order.totalAmount,
      ...(amount !== undefined && { paidAmount: order.totalAmount }),
      currency: order.currency,
      refundedAt: at.toISOString(),
      ...(actionUrl && { actionUrl }),
    },
  });
}
