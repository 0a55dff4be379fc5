import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { issueVoucher, NO_WEBHOOK_RECEIVER, openCheckout, paidWithoutDelivery } from "../testing/shop";
import { recordAwaitingPayment } from "./fulfilment";
import { reconcileStaleOrders } from "./reconcile";

const HOUR = 60 * 60_000;
const orderOf = (orderId: string) => db.order.findUniqueOrThrow({ where: { id: orderId } });
const openedAgo = (orderId: string, ms: number) =>
  db.order.update({ where: { id: orderId }, data: { createdAt: new Date(Date.now() - ms) } });

describe("reconciling orders whose events never came", () => {
  it("fulfils a paid order whose webhook was lost, once", async () => {
    const { order } = await paidWithoutDelivery();
    await openedAgo(order.id, 25 * HOUR);

    await reconcileStaleOrders();
    expect(await orderOf(order.id)).toMatchObject({ status: "FULFILLED" });
    expect(await db.esimProfile.count({ where: { orderId: order.id } })).toBe(1);
    await reconcileStaleOrders();
    expect(await db.esimProfile.count({ where: { orderId: order.id } })).toBe(1);
  });

  it("closes an unpaid order whose session expired without telling the shop", async () => {
    const { order, sessionId } = await openCheckout();
    await db.localCheckoutSession.update({ where: { id: sessionId }, data: { status: "EXPIRED" } });
    await openedAgo(order.id, 25 * HOUR);

    await reconcileStaleOrders();
    expect(await orderOf(order.id)).toMatchObject({ status: "EXPIRED" });
  });

  it("fails an order left without a session by a crash, and one whose session is gone", async () => {
    const { order: crashed } = await openCheckout();
    await db.localCheckoutSession.delete({ where: { orderId: crashed.id } });
    await db.order.update({ where: { id: crashed.id }, data: { paymentSessionId: null } });
    await openedAgo(crashed.id, 11 * 60_000);
    const { order: lost } = await openCheckout();
    await db.localCheckoutSession.delete({ where: { orderId: lost.id } });
    await openedAgo(lost.id, 25 * HOUR);

    await reconcileStaleOrders();
    expect(await orderOf(crashed.id)).toMatchObject({ status: "FAILED", failureReason: "checkout_unavailable" });
    expect(await orderOf(lost.id)).toMatchObject({ status: "FAILED", failureReason: "session_missing" });
  });

  it("leaves alone what may still be paid", async () => {
    const { order: recent } = await openCheckout();
    const { order: opening } = await openCheckout();
    await db.localCheckoutSession.delete({ where: { orderId: opening.id } });
    await db.order.update({ where: { id: opening.id }, data: { paymentSessionId: null } });

    await reconcileStaleOrders();
    expect(await orderOf(recent.id)).toMatchObject({ status: "PENDING" });
    expect(await orderOf(opening.id)).toMatchObject({ status: "PENDING" });
  });

  it("waits for a Konbini voucher until its deadline has passed, however old the order", async () => {
    const { order, sessionId } = await openCheckout();
    await issueVoucher(sessionId, NO_WEBHOOK_RECEIVER, { email: "fill_never@example.test" });
    await recordAwaitingPayment(sessionId);
    await openedAgo(order.id, 25 * HOUR);
    const { konbiniVoucher } = await orderOf(order.id);
    const deadline = Date.parse((konbiniVoucher as { expiresAt: string }).expiresAt);
    // The voucher has gone unpaid and its failure event was lost: picked up, the order closes.
    await db.localCheckoutSession.update({ where: { id: sessionId }, data: { paymentStatus: "failed" } });

    await reconcileStaleOrders(new Date(), 500);
    expect(await orderOf(order.id)).toMatchObject({ status: "PENDING" });
    await reconcileStaleOrders(new Date(deadline + 2 * HOUR), 500);
    expect(await orderOf(order.id)).toMatchObject({ status: "FAILED", failureReason: "async_payment_failed" });
  });
});
