import "server-only";
import { db } from "../db/client";
import { orderReference } from "./order-emails";

// The buyer's eSIM orders paid but not yet issued (the SM-DP+ did not answer at payment): their
// eSIMs are on the way, and the dashboard says so rather than showing nothing.
export async function ordersPreparingEsims(userId: string) {
  const orders = await db.order.findMany({
    where: { userId, kind: "ESIM", status: "PAID", esimProfiles: { none: {} } },
    orderBy: { paidAt: "asc" },
    select: { id: true },
  });
  return orders.map((order) => ({ id: order.id, reference: orderReference(order.id) }));
}
