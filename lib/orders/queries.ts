import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "../db/client";
import { ACCEPTED_REFUND_STATUSES } from "./order-refunds";

const planSummary = {
  select: { slug: true, kind: true, dataMb: true, days: true, voiceMinutes: true, carrier: { select: { name: true } } },
} satisfies Prisma.PlanDefaultArgs;

const esimSummary = {
  select: { id: true, iccid: true, state: true, carrierCode: true, createdAt: true, plan: planSummary },
  orderBy: { sequence: "asc" },
} satisfies Prisma.Order$esimProfilesArgs;

const topUpSummary = {
  select: { dataMb: true, daysAdded: true, carrier: { select: { name: true } } },
} satisfies Prisma.TopUpPackDefaultArgs;

// A buyer only ever sees their own orders: someone else's session id finds nothing.
export function orderForBuyerBySession(sessionId: string, userId: string) {
  return db.order.findFirst({
    where: { paymentSessionId: sessionId, userId },
    include: {
      plan: planSummary,
      esimProfiles: esimSummary,
      esim: { select: { id: true, iccid: true } },
      topUpPack: { select: { dataMb: true, daysAdded: true } },
    },
  });
}

export const ORDERS_PAGE_SIZE = 20;

// Newest first, one page at a time; `hasMore` tells whether an older page exists.
export async function ordersOfUser(userId: string, page = 0) {
  const rows = await db.order.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: page * ORDERS_PAGE_SIZE,
    take: ORDERS_PAGE_SIZE + 1,
    include: {
      plan: planSummary,
      topUpPack: topUpSummary,
      // What staff, the gateway's dashboard or a lost dispute gave back of a delivered order.
      refunds: { where: { status: { in: ACCEPTED_REFUND_STATUSES } }, select: { amount: true } },
    },
  });
  const orders = rows.slice(0, ORDERS_PAGE_SIZE).map(({ refunds, ...order }) => ({
    ...order,
    refundedAmount: refunds.reduce((sum, refund) => sum + refund.amount, 0),
  }));
  return { orders, hasMore: rows.length > ORDERS_PAGE_SIZE };
}

export function esimsOfUser(userId: string) {
  return db.esimProfile.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    select: esimSummary.select,
  });
}

export type PlanSummary = Prisma.PlanGetPayload<typeof planSummary>;
