import "server-only";
import type { OrderStatus, Prisma } from "@prisma/client";
import { usageObject } from "../api/usage-object";
import { esimBalanceInTransaction } from "../balance/summary";
import { orderReference } from "../orders/order-emails";
import { jstIso } from "../time/jst";
import type { EventData } from "./event-types";

// The payloads read inside the transaction of the change they announce, so they state what
// that change left, not what was there before it.

export async function esimPayload(tx: Prisma.TransactionClient, esimId: string) {
  const balance = await esimBalanceInTransaction(tx, esimId);
  return { iccid: balance.iccid, usage: usageObject(balance) };
}

// An order integrators hear about was delivered; what was refunded of it since is its status.
const PAYLOAD_STATUS = {
  PARTIALLY_REFUNDED: "partially_refunded",
  REFUNDED: "refunded",
} as const satisfies Partial<Record<OrderStatus, EventData<"order.fulfilled">["order"]["status"]>>;

export async function orderPayload(
  tx: Prisma.TransactionClient,
  orderId: string,
): Promise<EventData<"order.fulfilled">["order"]> {
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    include: {
      plan: { select: { slug: true } },
      topUpPack: { select: { slug: true } },
      esim: { select: { iccid: true } },
      esimProfiles: { select: { iccid: true }, orderBy: { sequence: "asc" } },
    },
  });
  return {
    id: order.id,
    reference: orderReference(order.id),
    kind: order.kind === "ESIM" ? "esim" : "topup",
    status: order.status in PAYLOAD_STATUS ? PAYLOAD_STATUS[order.status as keyof typeof PAYLOAD_STATUS] : "fulfilled",
    total: { amount: order.totalAmount, currency: order.currency },
    plan: order.plan?.slug ?? null,
    topup_pack: order.topUpPack?.slug ?? null,
    iccids: order.esim ? [order.esim.iccid] : order.esimProfiles.map((esim) => esim.iccid),
    paid_at: order.paidAt ? jstIso(order.paidAt) : null,
  };
}
