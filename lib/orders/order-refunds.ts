import "server-only";
import type { Order, OrderStatus, Prisma } from "@prisma/client";
import { log } from "../log";
import { announceOrderRefunded } from "../webhooks/announce";
import { revokeOrderGoods } from "./revoke-goods";
import { transitionOrder } from "./status";

// What the refunds of a delivered order share, whoever made them (staff, Stripe's dashboard, a
// lost dispute): the order's row lock, the amounts they hold, and the order's status following
// them. See OrderRefund in prisma/schema.prisma.

// Accepted by the gateway: the money is given back, or on its way.
export const ACCEPTED_REFUND_STATUSES = ["pending", "requires_action", "succeeded"];
// Also held while the gateway is being asked, so that a concurrent refund cannot count the
// same money as still left.
const HELD_REFUND_STATUSES = ["requesting", ...ACCEPTED_REFUND_STATUSES];

// The states of an order that was delivered, so may be refunded in part or in full.
export const DELIVERED_STATUSES = ["FULFILLED", "PARTIALLY_REFUNDED", "REFUNDED"] as const satisfies OrderStatus[];

export function isDelivered(status: OrderStatus): status is (typeof DELIVERED_STATUSES)[number] {
  return (DELIVERED_STATUSES as readonly OrderStatus[]).includes(status);
}

// Every change to an order's refunds reads the order under this lock first, so two refunds
// asked for at once are counted one after the other. A wait this long means something is
// stuck; failing frees the connection.
export async function lockOrder(tx: Prisma.TransactionClient, orderId: string): Promise<Order | null> {
  await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = '5s'`);
  await tx.$queryRaw`SELECT id FROM orders WHERE id = ${orderId} FOR UPDATE`;
  return tx.order.findUnique({ where: { id: orderId } });
}

async function sumOf(tx: Prisma.TransactionClient, where: Prisma.OrderRefundWhereInput): Promise<number> {
  const { _sum } = await tx.orderRefund.aggregate({ where, _sum: { amount: true } });
  return _sum.amount ?? 0;
}

// What is left to give back of what was paid.
export async function refundableAmount(tx: Prisma.TransactionClient, order: Order): Promise<number> {
  const held = await sumOf(tx, { orderId: order.id, status: { in: HELD_REFUND_STATUSES } });
  return Math.max(0, order.totalAmount - held);
}

// What the gateway counts as refunded of the charge (charge.amount_refunded): refunds only —
// the money a lost dispute took is the dispute's, not a refund.
export function gatewayRefundedAmount(tx: Prisma.TransactionClient, orderId: string): Promise<number> {
  return sumOf(tx, { orderId, status: { in: HELD_REFUND_STATUSES }, source: { not: "dispute" } });
}

// The order's status follows what its accepted refunds give back: nothing (FULFILLED), part
// (PARTIALLY_REFUNDED) or all of what was paid (REFUNDED, which revokes what it bought), each move announced to the buyer's webhooks. Called
// under the order's lock after every change to its refunds; moves the order at most once.
export async function followRefunds(tx: Prisma.TransactionClient, order: Order, at: Date): Promise<OrderStatus> {
  if (!isDelivered(order.status)) return order.status;
  const given = await sumOf(tx, { orderId: order.id, status: { in: ACCEPTED_REFUND_STATUSES } });
  const target = given <= 0 ? "FULFILLED" : given >= order.totalAmount ? "REFUNDED" : "PARTIALLY_REFUNDED";
  if (target === order.status) return target;
  await transitionOrder(tx, { id: order.id }, order.status, target, {
    refundedAt: target === "REFUNDED" ? at : null,
  });
  if (target === "REFUNDED") await revokeOrderGoods(tx, order, at);
  if (target !== "FULFILLED") await announceOrderRefunded(tx, order.id, order.userId, at);
  // The eSIM stays revoked and its data lapsed: giving them back is a person's decision.
  if (order.status === "REFUNDED")
    log.error({ orderId: order.id, status: target }, "a full refund failed after the order's goods were revoked");
  return target;
}
