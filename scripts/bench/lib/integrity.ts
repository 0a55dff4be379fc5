// After a benchmark: did every payment become exactly one fulfilled order with exactly its
// eSIMs, and is there no eSIM that no paid order accounts for?
import { db } from "../../../lib/db/client";

type PurchaseIntegrity = {
  orders: number;
  fulfilled: number;
  // Opened but never paid, e.g. by a purchase that failed before the card step.
  unpaid: number;
  paidButNotFulfilled: string[];
  confirmedButNotFulfilled: string[];
  esims: { expected: number; found: number; ordersWithWrongCount: string[]; withoutFulfilledOrder: number };
  ok: boolean;
};

// `confirmed`: the session ids whose success page the buyers saw.
export async function purchaseIntegrity(userIds: string[], confirmed: string[]): Promise<PurchaseIntegrity> {
  const orders = await db.order.findMany({
    where: { userId: { in: userIds } },
    select: {
      id: true,
      kind: true,
      status: true,
      quantity: true,
      paymentSessionId: true,
      localSession: { select: { status: true } },
      _count: { select: { esimProfiles: true } },
    },
  });
  const fulfilled = orders.filter((order) => order.status === "FULFILLED");
  const fulfilledSessions = new Set(fulfilled.map((order) => order.paymentSessionId));
  const esimOrders = fulfilled.filter((order) => order.kind === "ESIM");
  const found = await db.esimProfile.count({ where: { userId: { in: userIds } } });
  const withoutFulfilledOrder = await db.esimProfile.count({
    where: { userId: { in: userIds }, order: { status: { not: "FULFILLED" } } },
  });
  const result = {
    orders: orders.length,
    fulfilled: fulfilled.length,
    unpaid: orders.filter((order) => order.localSession?.status !== "COMPLETE").length,
    paidButNotFulfilled: orders
      .filter((order) => order.localSession?.status === "COMPLETE" && order.status !== "FULFILLED")
      .map((order) => order.id),
    confirmedButNotFulfilled: confirmed.filter((sessionId) => !fulfilledSessions.has(sessionId)),
    esims: {
      expected: esimOrders.reduce((sum, order) => sum + order.quantity, 0),
      found,
      ordersWithWrongCount: esimOrders
        .filter((order) => order._count.esimProfiles !== order.quantity)
        .map((order) => order.id),
      withoutFulfilledOrder,
    },
  };
  const ok =
    result.paidButNotFulfilled.length === 0 &&
    result.confirmedButNotFulfilled.length === 0 &&
    result.esims.expected === found &&
    result.esims.ordersWithWrongCount.length === 0 &&
    withoutFulfilledOrder === 0;
  return { ...result, ok };
}
