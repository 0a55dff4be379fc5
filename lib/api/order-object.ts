import type { OrderKind, OrderStatus, Prisma } from "@prisma/client";
import { orderReference } from "../orders/order-emails";
import { jstIso } from "../time/jst";

export const apiOrderSelect = {
  id: true,
  kind: true,
  status: true,
  quantity: true,
  unitAmount: true,
  subtotalAmount: true,
  discountAmount: true,
  totalAmount: true,
  currency: true,
  paymentSessionId: true,
  createdAt: true,
  paidAt: true,
  plan: { select: { slug: true } },
  topUpPack: { select: { slug: true } },
  promotion: { select: { code: true } },
  esim: { select: { iccid: true } },
  esimProfiles: { select: { iccid: true }, orderBy: { sequence: "asc" } },
} satisfies Prisma.OrderSelect;

export type ApiOrderRow = Prisma.OrderGetPayload<{ select: typeof apiOrderSelect }>;

// An order as the API answers it, named by the reference its buyer sees in emails. eSIM orders
// list the ICCIDs they issued (none until fulfilled); top-ups name the eSIM they credit.
// checkout_url is where the end user pays; it is given only where it was looked up (the answer
// that opened the order, and one order read by reference while it waits for payment).
export function orderObject(order: ApiOrderRow, checkoutUrl: string | null = null) {
  return {
    ref: orderReference(order.id),
    kind: order.kind.toLowerCase() as Lowercase<OrderKind>,
    status: order.status.toLowerCase() as Lowercase<OrderStatus>,
    plan: order.plan?.slug ?? null,
    topup: order.topUpPack?.slug ?? null,
    esim: order.esim?.iccid ?? null,
    quantity: order.quantity,
    promo_code: order.promotion?.code ?? null,
    amounts: {
      unit: order.unitAmount,
      subtotal: order.subtotalAmount,
      discount: order.discountAmount,
      total: order.totalAmount,
      currency: order.currency,
    },
    esims: order.esimProfiles.map((profile) => profile.iccid),
    checkout_url: checkoutUrl,
    created_at: jstIso(order.createdAt),
    paid_at: order.paidAt ? jstIso(order.paidAt) : null,
  };
}
