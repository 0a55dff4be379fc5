import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "../db/client";
import { env } from "../env";
import { applyLifecycleEvent } from "../esim/profiles";
import { payLocalSession } from "../payments/local-checkout";
import {
  DISPUTE_CLOSE_DELAY_MS,
  DISPUTE_OPEN_DELAY_MS,
  LOSING_EVIDENCE,
  openLocalDispute,
  submitLocalDisputeEvidence,
  WINNING_EVIDENCE,
} from "../payments/local-disputes";
import { deliverLocalEvent } from "../payments/local-event-delivery";
import {
  deliverEventsOf,
  openCheckout,
  postEvent,
  queuedJob,
  runQueuedJob,
  signedEvent,
  SUCCEEDING_CARD,
} from "../testing/shop";
import { startWebhookServer } from "../testing/webhook-server";
import { submitDisputeEvidence } from "./evidence";

// Before anything reads env(): APP_URL (where the queue's jobs announce the local checkout's
// events) is this file's webhook server, so every dispute event travels to the real route.
const { appPort } = await vi.hoisted(async () => {
  const { createServer } = await import("node:net");
  const probe = createServer();
  const port = await new Promise<number>((resolve) =>
    probe.listen(0, "127.0.0.1", () => resolve((probe.address() as { port: number }).port)),
  );
  await new Promise((resolve) => probe.close(resolve));
  vi.stubEnv("APP_URL", `http://127.0.0.1:${port}`);
  return { appPort: port };
});

let webhookServer: Awaited<ReturnType<typeof startWebhookServer>>;
beforeAll(async () => {
  webhookServer = await startWebhookServer(appPort);
});
afterAll(async () => {
  await webhookServer.close();
  vi.unstubAllEnvs();
});

const FRAUDULENT = "4000000000000259";
const PRODUCT_NOT_RECEIVED = "4000000000002685";
const INQUIRY = "4000000000001976";

const orderOf = (id: string) => db.order.findUniqueOrThrow({ where: { id } });
const openJob = (sessionId: string) => `local-dispute-open:${sessionId}`;
const closeJob = (disputeId: string) => `local-dispute-close:${disputeId}`;
const delivered = (...types: string[]) => types.map((type) => ({ type, status: "delivered" }));
// Stripe's timestamps are whole seconds.
const toSeconds = (date: Date) => Math.floor(date.getTime() / 1000) * 1000;

// An eSIM paid with the card, delivered through the webhook route, installed and enabled.
async function paidWith(cardNumber: string) {
  const checkout = await openCheckout();
  const paidFrom = Date.now();
  const attempt = await payLocalSession(checkout.sessionId, { ...SUCCEEDING_CARD, cardNumber }, webhookServer.origin);
  expect(attempt.status).toBe("succeeded");
  const paidTo = Date.now();
  expect(await deliverEventsOf(checkout.sessionId)).toEqual(delivered("checkout.session.completed"));
  const [esim] = await db.esimProfile.findMany({ where: { orderId: checkout.order.id } });
  for (const event of ["download", "install", "enable"] as const)
    await applyLifecycleEvent(esim!.id, checkout.buyer.id, event, "test");
  return { ...checkout, order: await orderOf(checkout.order.id), esim: esim!, paidFrom, paidTo };
}

// The job the payment queued opens the local dispute; its charge.dispute.created reaches the route.
async function disputeOpened(cardNumber: string) {
  const paid = await paidWith(cardNumber);
  await runQueuedJob(openJob(paid.sessionId));
  expect(await deliverEventsOf(paid.sessionId)).toEqual(delivered("charge.dispute.created"));
  const local = await db.localDispute.findFirstOrThrow({ where: { sessionId: paid.sessionId } });
  return { ...paid, local, dispute: await db.dispute.findUniqueOrThrow({ where: { id: local.id } }) };
}

// Staff's evidence goes to the local gateway (charge.dispute.updated); the test evidence text
// queues the closing, whose charge.dispute.closed reaches the route too.
async function answered(disputeId: string, sessionId: string, text: string) {
  expect(await submitDisputeEvidence({ disputeId, actorId: "staff-1", text })).toEqual({
    status: "submitted",
    disputeStatus: "under_review",
  });
  expect(await deliverEventsOf(sessionId)).toEqual(delivered("charge.dispute.updated"));
  const job = await runQueuedJob(closeJob(disputeId));
  expect(await deliverEventsOf(sessionId)).toEqual(delivered("charge.dispute.closed"));
  return job;
}

async function closedEventOf(sessionId: string) {
  const event = await db.localWebhookEvent.findFirstOrThrow({ where: { sessionId, type: "charge.dispute.closed" } });
  return event.payload as { id: string };
}

describe("a dispute through the webhook route", () => {
  it("is recorded on the order with its reason and deadline when charge.dispute.created arrives", async () => {
    const { order, local, dispute } = await disputeOpened(FRAUDULENT);
    expect(dispute).toMatchObject({
      orderId: order.id,
      paymentIntentId: order.paymentIntentId,
      amount: order.totalAmount,
      currency: "JPY",
      reason: "fraudulent",
      status: "needs_response",
      closedAt: null,
    });
    expect(dispute.evidenceDueBy?.getTime()).toBe(toSeconds(local.evidenceDueBy));
    expect(dispute.evidenceDueBy!.getTime()).toBeGreaterThan(Date.now() + 6 * 24 * 3_600_000);
  });

  it("won with winning_evidence closes it and changes nothing else", async () => {
    const { order, esim, local, sessionId } = await disputeOpened(FRAUDULENT);
    const job = await answered(local.id, sessionId, WINNING_EVIDENCE);
    expect(job.task).toBe("close-local-dispute");
    expect(await db.dispute.findUniqueOrThrow({ where: { id: local.id } })).toMatchObject({
      status: "won",
      closedAt: expect.any(Date),
      evidenceText: WINNING_EVIDENCE,
      evidenceActorId: "staff-1",
    });
    expect(await orderOf(order.id)).toMatchObject({ status: order.status, refundedAt: null });
    expect(await db.orderRefund.count({ where: { orderId: order.id } })).toBe(0);
    const after = await db.esimProfile.findUniqueOrThrow({ where: { id: esim.id } });
    expect(after.state).toBe("ENABLED");
    expect(await db.ledgerEntry.count({ where: { esimId: esim.id, kind: "EXPIRY" } })).toBe(0);
  });

  it("lost with losing_evidence is a refund of the order in full: refunded, the eSIM revoked, its data lapsed", async () => {
    const { order, esim, local, sessionId } = await disputeOpened(PRODUCT_NOT_RECEIVED);
    await answered(local.id, sessionId, LOSING_EVIDENCE);
    expect(await db.dispute.findUniqueOrThrow({ where: { id: local.id } })).toMatchObject({
      reason: "product_not_received",
      status: "lost",
      closedAt: expect.any(Date),
    });
    expect(await db.orderRefund.findMany({ where: { orderId: order.id } })).toMatchObject([
      { source: "dispute", amount: order.totalAmount, status: "succeeded", reason: "dispute_lost", refundId: null },
    ]);
    expect(await orderOf(order.id)).toMatchObject({ status: "REFUNDED", refundedAt: expect.any(Date) });
    const revoked = await db.esimProfile.findUniqueOrThrow({ where: { id: esim.id } });
    expect(revoked.state).toBe("REVOKED");
    expect(revoked.ledgerCreditedBytes).toBe(revoked.ledgerDebitedBytes);
    expect(await db.ledgerEntry.findMany({ where: { esimId: esim.id, kind: "EXPIRY" } })).toMatchObject([
      { reason: "order refunded", source: order.id },
    ]);
  });

  it("lost after a partial refund takes back only what was left", async () => {
    const { order, local, sessionId } = await disputeOpened(FRAUDULENT);
    await db.orderRefund.create({
      data: {
        orderId: order.id,
        source: "staff",
        idempotencyKey: `test-${local.id}`,
        amount: 100,
        currency: order.currency,
        status: "succeeded",
        reason: "requested_by_customer",
      },
    });
    await answered(local.id, sessionId, LOSING_EVIDENCE);
    const refunds = await db.orderRefund.findMany({ where: { orderId: order.id }, orderBy: { createdAt: "asc" } });
    expect(refunds.map((r) => [r.source, r.amount])).toEqual([
      ["staff", 100],
      ["dispute", order.totalAmount - 100],
    ]);
    expect((await orderOf(order.id)).status).toBe("REFUNDED");
  });

  it("replayed, its closing changes nothing more", async () => {
    const { order, local, sessionId } = await disputeOpened(FRAUDULENT);
    await answered(local.id, sessionId, LOSING_EVIDENCE);
    const closed = await closedEventOf(sessionId);
    const before = await db.dispute.findUniqueOrThrow({ where: { id: local.id } });
    // The same event again, and the same word under a new event id (as a redelivery may come).
    expect(await postEvent(signedEvent(closed))).toMatchObject({ status: 200 });
    expect(await postEvent(signedEvent({ ...closed, id: `${closed.id}_again` }))).toMatchObject({ status: 200 });
    expect(await db.dispute.findUniqueOrThrow({ where: { id: local.id } })).toEqual(before);
    expect(await db.orderRefund.count({ where: { orderId: order.id } })).toBe(1);
    expect((await orderOf(order.id)).status).toBe("REFUNDED");
  });

  it("closed before it was created: the closing is recorded once, the late events change nothing", async () => {
    const paid = await paidWith(FRAUDULENT);
    await runQueuedJob(openJob(paid.sessionId));
    const local = await db.localDispute.findFirstOrThrow({ where: { sessionId: paid.sessionId } });
    // The gateway's side moves on while none of its events has reached the shop yet.
    await submitLocalDisputeEvidence({ disputeId: local.id, text: LOSING_EVIDENCE }, webhookServer.origin);
    await runQueuedJob(closeJob(local.id));
    const events = await db.localWebhookEvent.findMany({
      where: { sessionId: paid.sessionId, type: { startsWith: "charge.dispute." }, deliveredAt: null },
      orderBy: { createdAt: "desc" },
    });
    expect(events.map((e) => e.type)).toEqual([
      "charge.dispute.closed",
      "charge.dispute.updated",
      "charge.dispute.created",
    ]);
    for (const event of events) expect(await deliverLocalEvent(event.id)).toEqual({ status: "delivered" });

    expect(await db.dispute.findUniqueOrThrow({ where: { id: local.id } })).toMatchObject({
      status: "lost",
      reason: "fraudulent",
      evidenceDueBy: new Date(toSeconds(local.evidenceDueBy)),
      closedAt: expect.any(Date),
    });
    expect(await db.orderRefund.count({ where: { orderId: paid.order.id } })).toBe(1);
    expect((await orderOf(paid.order.id)).status).toBe("REFUNDED");
  });

  it("closed takes no more evidence", async () => {
    const { local, sessionId } = await disputeOpened(FRAUDULENT);
    await answered(local.id, sessionId, WINNING_EVIDENCE);
    expect(await submitDisputeEvidence({ disputeId: local.id, actorId: "staff-2", text: LOSING_EVIDENCE })).toEqual({
      status: "closed",
    });
    expect(await submitDisputeEvidence({ disputeId: "dp_unknown", actorId: "staff-2", text: "x" })).toEqual({
      status: "not_found",
    });
  });
});

describe("the dispute test cards", () => {
  it.each([
    [FRAUDULENT, "fraudulent", "needs_response"],
    [PRODUCT_NOT_RECEIVED, "product_not_received", "needs_response"],
    [INQUIRY, "general", "warning_needs_response"],
  ])("%s opens a dispute (%s) some seconds after the payment, by a job, once", async (card, reason, status) => {
    const { sessionId, order, paidFrom, paidTo } = await paidWith(card);
    expect(await db.localDispute.count({ where: { sessionId } })).toBe(0);
    const job = await queuedJob(openJob(sessionId));
    const wait = DISPUTE_OPEN_DELAY_MS / env().SANDBOX_TIME_SCALE;
    expect(job).toMatchObject({ task: "open-local-dispute", payload: { sessionId } });
    expect(job!.runAt.getTime()).toBeGreaterThanOrEqual(paidFrom + wait);
    expect(job!.runAt.getTime()).toBeLessThanOrEqual(paidTo + wait);

    await runQueuedJob(openJob(sessionId));
    expect(await deliverEventsOf(sessionId)).toEqual(delivered("charge.dispute.created"));
    expect(await db.dispute.findMany({ where: { orderId: order.id } })).toMatchObject([{ reason, status }]);
    // The job run again (the queue retries) opens no second dispute.
    expect(await openLocalDispute(sessionId, webhookServer.origin)).toBeNull();
    expect(await db.localDispute.count({ where: { sessionId } })).toBe(1);
  });

  it("an inquiry closes as a warning whatever the evidence, and gives nothing back", async () => {
    const { order, local, sessionId } = await disputeOpened(INQUIRY);
    expect(await submitDisputeEvidence({ disputeId: local.id, actorId: "staff-1", text: LOSING_EVIDENCE })).toEqual({
      status: "submitted",
      disputeStatus: "warning_under_review",
    });
    const job = await queuedJob(closeJob(local.id));
    expect(job!.runAt.getTime()).toBeGreaterThan(
      Date.now() + DISPUTE_CLOSE_DELAY_MS / env().SANDBOX_TIME_SCALE - 2_000,
    );
    await runQueuedJob(closeJob(local.id));
    await deliverEventsOf(sessionId);
    expect(await db.dispute.findUniqueOrThrow({ where: { id: local.id } })).toMatchObject({ status: "warning_closed" });
    expect(await db.orderRefund.count({ where: { orderId: order.id } })).toBe(0);
    expect((await orderOf(order.id)).status).toBe("FULFILLED");
  });

  it("a card without a dispute queues none", async () => {
    const { sessionId } = await paidWith(SUCCEEDING_CARD.cardNumber);
    expect(await queuedJob(openJob(sessionId))).toBeNull();
  });
});
