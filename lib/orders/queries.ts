import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "../db/client";

const planSummary = {
  select: { slug: true, kind: true, dataMb: true, days: true, voiceMinutes: true, carrier: { select: { name: true } } },
} satisfies Prisma.PlanDefaultArgs;

const esimSummary = {
  select: { id: true, iccid: true, state: true, carrierCode: true, createdAt: true, plan: planSummary },
  orderBy: { sequence: "asc" },
} satisfies Prisma.Order$esimProfilesArgs;

// A buyer only ever sees their own orders: someone else's session id finds nothing.
export function orderForBuyerBySession(sessionId: string, userId: string) {
  return db.order.findFirst({
    where: { paymentSessionId: sessionId, userId },
    include: { plan: planSummary, esimProfiles: esimSummary },
  });
}

export const ORDERS_PAGE_SIZE = 20;

export function ordersOfUser(userId: string, page = 0) {
  return db.order.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    skip: page * ORDERS_PAGE_SIZE,
    take: ORDERS_PAGE_SIZE,
    include: { plan: planSummary, _count: { select: { esimProfiles: true } } },
  });
}

export function esimsOfUser(userId: string) {
  return db.esimProfile.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    select: esimSummary.select,
  });
}

export type PlanSummary = Prisma.PlanGetPayload<typeof planSummary>;
