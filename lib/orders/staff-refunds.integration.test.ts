import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { env } from "../env";
import { activeEsim, openCheckout, postEvent, signedEvent } from "../testing/shop";
import { refundLocalPayment } from "../payments/local-refunds";
import { chargeIdOf } from "../payments/local-events";
import { refundOrderByStaff, type StaffRefundRequest } from "./staff-refunds";

const key = () => randomUUID().replaceAll("-", "");
const orderOf = (id: string) => db.order.findUniqueOrThrow({ where: { id } });

function request(orderId: string, amount: number, more: Partial<StaffRefundRequest> = {}): StaffRefundRequest {
  return {
    orderId,
    amount,
    actorId: "staff-1",
    actorRole: "admin",
    reason: "requested_by_customer",
    note: "",
    notifyCustomer: false,
    idempotencyKey: key(),
    ...more,
  };
}

async function deliveredOrder() {
  const { buyer, esim } = await activeEsim("au-1gb-3d");
  return { buyer, esim, order: await orderOf(esim.orderId) };
}

describe("a staff refund", () => {
  it("refunds in full: the order is refunded, the eSIM revoked and its data lapsed in the ledger", async () => {
    const { order, esim, buyer } = await deliveredOrder();
    const result = await refundOrderByStaff(request(order.id, order.totalAmount, { notifyCustomer: true }));
    expect(result).toMatchObject({ status: "refunded", remaining: 0 });
    expect(await orderOf(order.id)).toMatchObject({ status: "REFUNDED", refundedAt: expect.any(Date) });
    const revoked = await db.esimProfile.findUniqueOrThrow({ where: { id: esim.id } });
    expect(revoked.state).toBe("REVOKED");
    expect(revoked.ledgerCreditedBytes).toBe(revoked.ledgerDebitedBytes);
    const lapse = await db.ledgerEntry.findMany({ where: { esimId: esim.id, kind: "EXPIRY" } });
    expect(lapse).toMatchObject([{ reason: "order refunded", source: order.id }]);
    const [email] = await db.outboxEmail.findMany({ where: { userId: buyer.id, template: "order-refund" } });
    expect(email?.payload).toMatchObject({ reason: "requested_by_customer", amount: order.totalAmount });
  });

  it("tells the buyer's webhooks of each move: partly refunded, then refunded", async () => {
    const { buyer, order } = await deliveredOrder();
    await db.webhookEndpoint.create({
      data: { userId: buyer.id, url: "http://127.0.0.1:9/hooks", eventTypes: ["order.refunded"], secret: key() },
    });
    await refundOrderByStaff(request(order.id, 100));
    await refundOrderByStaff(request(order.id, order.totalAmount - 100));
    const events = await db.webhookEvent.findMany({
      where: { userId: buyer.id, type: "order.refunded" },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((event) => (event.payload as { data: { order: { status: string } } }).data.order.status)).toEqual(
      ["partially_refunded", "refunded"],
    );
  });

  it("refunds in part, then the rest; a third refund is refused and changes nothing", async () => {
    const { order, esim } = await deliveredOrder();
    expect(await refundOrderByStaff(request(order.id, 100))).toMatchObject({
      status: "refunded",
      remaining: order.totalAmount - 100,
    });
    expect((await orderOf(order.id)).status).toBe("PARTIALLY_REFUNDED");
    expect((await db.esimProfile.findUniqueOrThrow({ where: { id: esim.id } })).state).toBe("ENABLED");
    expect(await refundOrderByStaff(request(order.id, order.totalAmount - 100))).toMatchObject({ status: "refunded" });
    expect((await orderOf(order.id)).status).toBe("REFUNDED");
    const before = await db.orderRefund.count({ where: { orderId: order.id } });
    expect(await refundOrderByStaff(request(order.id, 1))).toEqual({ status: "exceeds_remaining", remaining: 0 });
    expect(await db.orderRefund.count({ where: { orderId: order.id } })).toBe(before);
  });

  it("answers a repeated key with the same refund, and makes one", async () => {
    const { order } = await deliveredOrder();
    const once = request(order.id, 100);
    const first = await refundOrderByStaff(once);
    expect(await refundOrderByStaff(once)).toEqual(first);
    expect(await db.localRefund.count({ where: { session: { orderId: order.id } } })).toBe(1);
  });

  it("of the full amount asked twice at once gives it back once", async () => {
    const { order } = await deliveredOrder();
    const results = await Promise.all([
      refundOrderByStaff(request(order.id, order.totalAmount)),
      refundOrderByStaff(request(order.id, order.totalAmount)),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["exceeds_remaining", "refunded"]);
    expect(await db.localRefund.count({ where: { session: { orderId: order.id } } })).toBe(1);
  });

  it("by support above the limit is refused before anything is asked of the gateway", async () => {
    const { order } = await deliveredOrder();
    const limit = env().SUPPORT_REFUND_LIMIT_JPY;
    expect(order.totalAmount).toBeLessThanOrEqual(limit);
    await db.order.update({ where: { id: order.id }, data: { totalAmount: limit + 1000 } });
    expect(await refundOrderByStaff(request(order.id, limit + 1, { actorRole: "support" }))).toEqual({
      status: "over_limit",
      limit,
    });
    expect(await db.orderRefund.count({ where: { orderId: order.id } })).toBe(0);
  });

  it("refuses more than was paid, and an unpaid order", async () => {
    const { order } = await deliveredOrder();
    expect(await refundOrderByStaff(request(order.id, order.totalAmount + 1))).toEqual({
      status: "exceeds_remaining",
      remaining: order.totalAmount,
    });
    const unpaid = await openCheckout();
    expect(await refundOrderByStaff(request(unpaid.order.id, 100))).toEqual({ status: "not_paid" });
    expect(await db.orderRefund.count({ where: { orderId: { in: [order.id, unpaid.order.id] } } })).toBe(0);
  });
});

describe("a staff refund the gateway refuses for good", () => {
  it("is recorded as failed with the gateway's reason, holds nothing, and answers the same when asked again", async () => {
    const { order } = await deliveredOrder();
    // Everything was given back in the gateway's dashboard, and its event has not arrived yet.
    await refundLocalPayment({
      orderId: order.id,
      paymentIntentId: order.paymentIntentId!,
      amount: order.totalAmount,
      idempotencyKey: key(),
    });
    const asked = request(order.id, 100);
    const result = await refundOrderByStaff(asked);
    expect(result).toEqual({ status: "refund_failed", orderRefundId: expect.any(String) });
    expect(await db.orderRefund.findMany({ where: { orderId: order.id } })).toEqual([
      expect.objectContaining({ status: "failed", refundId: null, amount: 100 }),
    ]);
    expect(await refundOrderByStaff(asked)).toEqual(result);
  });
});

describe("a refund made in Stripe's dashboard", () => {
  it("reaches the order through charge.refunded; a replay or an older event changes nothing", async () => {
    const { order } = await deliveredOrder();
    await refundOrderByStaff(request(order.id, 100));
    // The dashboard refunds 200 more without the shop asking.
    await refundLocalPayment({
      orderId: order.id,
      paymentIntentId: order.paymentIntentId!,
      amount: 200,
      idempotencyKey: key(),
    });
    const charge = (amountRefunded: number) =>
      signedEvent({
        id: `evt_${key()}`,
        object: "event",
        type: "charge.refunded",
        created: Math.floor(Date.now() / 1000),
        data: {
          object: {
            id: chargeIdOf(order.paymentIntentId!),
            object: "charge",
            payment_intent: order.paymentIntentId,
            amount: order.totalAmount,
            amount_refunded: amountRefunded,
          },
        },
      });
    const event = charge(300);
    expect(await postEvent(event)).toMatchObject({ status: 200 });
    expect(await postEvent(event)).toMatchObject({ status: 200 });
    expect(await postEvent(charge(100))).toMatchObject({ status: 200 });
    const refunds = await db.orderRefund.findMany({ where: { orderId: order.id }, orderBy: { createdAt: "asc" } });
    expect(refunds.map((r) => [r.source, r.amount])).toEqual([
      ["staff", 100],
      ["gateway", 200],
    ]);
    expect((await orderOf(order.id)).status).toBe("PARTIALLY_REFUNDED");
  });
});
