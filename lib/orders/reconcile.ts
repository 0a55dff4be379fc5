import "server-only";
import { Prisma } from "@prisma/client";
import { db } from "../db/client";
import { log } from "../log";
import { KONBINI_PAYMENT_BUFFER_MS } from "../payments/konbini";
import { paymentGateway } from "../payments/provider";
import { closeUnpaidOrder, fulfilCheckout } from "./fulfilment";
import { transitionOrder } from "./status";

// Checkout sessions (Stripe's and the local checkout's) expire 24 hours after they open; an
// order still pending well after that has lost the event that should have closed it.
const SESSION_LIFETIME_MS = 24 * 60 * 60_000;
const EVENT_GRACE_MS = 15 * 60_000;
// An order is written just before its session is opened; one still without a session after
// this long was left by a crash in between.
const SESSION_OPENING_GRACE_MS = 10 * 60_000;

export type Reconciled = { fulfilled: number; closed: number; waiting: number };

// The periodic safety net behind webhooks: every order ends paid-and-delivered, refunded, or
// closed, even when an event never arrived. It asks the gateway for the truth and applies it
// through the same idempotent paths the webhook uses.
export async function reconcileStaleOrders(now = new Date(), limit = 50): Promise<Reconciled> {
  // A Konbini voucher may be paid for days: its order is due only once the voucher's deadline
  // (and the payment buffer after it) has passed, so vouchers still open never fill the batch.
  // Deadlines are ISO instants in UTC, which compare as strings in time order.
  const voucherSettledBy = new Date(now.getTime() - KONBINI_PAYMENT_BUFFER_MS - EVENT_GRACE_MS).toISOString();
  const stale = await db.order.findMany({
    where: {
      status: "PENDING",
      OR: [
        { paymentSessionId: null, createdAt: { lt: new Date(now.getTime() - SESSION_OPENING_GRACE_MS) } },
        { createdAt: { lt: new Date(now.getTime() - SESSION_LIFETIME_MS - EVENT_GRACE_MS) } },
      ],
      AND: {
        OR: [
          { konbiniVoucher: { equals: Prisma.DbNull } },
          { konbiniVoucher: { path: ["expiresAt"], lt: voucherSettledBy } },
        ],
      },
    },
    orderBy: { createdAt: "asc" },
    take: limit,
    select: { id: true, paymentSessionId: true },
  });
  const result: Reconciled = { fulfilled: 0, closed: 0, waiting: 0 };
  for (const order of stale) {
    const outcome = await reconcile(order).catch((error: unknown) => {
      log.error({ err: error, orderId: order.id }, "could not reconcile an order");
      return "waiting" as const;
    });
    result[outcome] += 1;
  }
  if (stale.length > 0) log.warn({ ...result }, "reconciled orders whose events never came");
  return result;
}

async function reconcile(order: { id: string; paymentSessionId: string | null }): Promise<keyof Reconciled> {
  if (!order.paymentSessionId) {
    const moved = await transitionOrder(db, { id: order.id }, "PENDING", "FAILED", {
      failureReason: "checkout_unavailable",
    });
    return moved ? "closed" : "waiting";
  }
  const session = await paymentGateway().retrieveSession(order.paymentSessionId);
  if (!session || session.orderId !== order.id) {
    const moved = await transitionOrder(db, { id: order.id }, "PENDING", "FAILED", {
      failureReason: "session_missing",
    });
    return moved ? "closed" : "waiting";
  }
  if (session.paymentStatus !== "unpaid") {
    const outcome = await fulfilCheckout(order.paymentSessionId);
    // Paid either way; eSIMs waiting for the SM-DP+ are issued by their own job.
    return outcome.status === "fulfilled" || outcome.status === "issue_pending" ? "fulfilled" : "closed";
  }
  if (session.status === "expired") {
    return (await closeUnpaidOrder(order.paymentSessionId, "EXPIRED")) ? "closed" : "waiting";
  }
  // Complete, unpaid, and its voucher gone: the voucher expired and the failure event was lost.
  if (session.status === "complete" && !session.konbiniVoucher) {
    return (await closeUnpaidOrder(order.paymentSessionId, "FAILED", "async_payment_failed")) ? "closed" : "waiting";
  }
  // A voucher not yet paid, or a session still open: its own events will settle it.
  return "waiting";
}
