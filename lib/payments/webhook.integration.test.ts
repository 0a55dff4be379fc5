import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/stripe/route";
import { db } from "../db/client";
import { env } from "../env";
import { isValidIccid, parseActivationCode } from "../esim/identifiers";
import { fulfilCheckout } from "../orders/fulfilment";
import {
  NO_WEBHOOK_RECEIVER,
  openCheckout,
  paidWithoutDelivery,
  SUCCEEDING_CARD as CARD,
  signedSessionEvent,
  webhookRequest,
} from "../testing/shop";
import { startWebhookServer } from "../testing/webhook-server";
import { DELIVERY_SCHEDULE_MS, deliverLocalEvent, localEventsOfSession } from "./local-event-delivery";
import { expireStaleLocalSessions, payLocalSession, sweepStaleLocalSessions } from "./local-checkout";

let webhookServer: Awaited<ReturnType<typeof startWebhookServer>>;
beforeAll(async () => {
  webhookServer = await startWebhookServer();
});
afterAll(() => webhookServer.close());

const profilesOf = (orderId: string) => db.esimProfile.findMany({ where: { orderId } });
const orderOf = (orderId: string) => db.order.findUniqueOrThrow({ where: { id: orderId } });

describe("the Stripe webhook route", () => {
  it("fulfils a completed checkout and issues a valid eSIM", async () => {
    const { order, sessionId } = await paidWithoutDelivery();
    const { payload, signature } = await signedSessionEvent("checkout.session.completed", sessionId);

    const response = await POST(webhookRequest(payload, signature));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true, result: "handled" });

    expect(await orderOf(order.id)).toMatchObject({ status: "FULFILLED", paymentStatus: "paid" });
    const [profile, ...others] = await profilesOf(order.id);
    expect(others).toHaveLength(0);
    expect(isValidIccid(profile!.iccid)).toBe(true);
    expect(parseActivationCode(profile!.activationCode)).toEqual({
      smdpAddress: "au.smdp.tabi.test",
      matchingId: profile!.matchingId,
    });
  });

  it("answers 400 to a bad, missing or foreign signature and changes nothing", async () => {
    const { order, sessionId } = await paidWithoutDelivery();
    const { payload, signature } = await signedSessionEvent("checkout.session.completed", sessionId);
    const foreign = await signedSessionEvent("checkout.session.completed", sessionId, "whsec_someone_elses_secret");
    const tampered = payload.replace(`"amount_total":${order.totalAmount}`, '"amount_total":1');

    for (const request of [
      webhookRequest(payload),
      webhookRequest(payload, "t=1,v1=deadbeef"),
      webhookRequest(foreign.payload, foreign.signature),
      webhookRequest(tampered, signature),
    ]) {
      const response = await POST(request);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: "invalid_signature" });
    }
    expect(await orderOf(order.id)).toMatchObject({ status: "PENDING" });
    expect(await profilesOf(order.id)).toHaveLength(0);
  });

  it("issues exactly one eSIM when the same event arrives 20 times at once", async () => {
    const { order, sessionId } = await paidWithoutDelivery();
    const { payload, signature } = await signedSessionEvent("checkout.session.completed", sessionId);

    const responses = await Promise.all(Array.from({ length: 20 }, () => POST(webhookRequest(payload, signature))));
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(await profilesOf(order.id)).toHaveLength(1);
    expect(await orderOf(order.id)).toMatchObject({ status: "FULFILLED" });
    const eventId = JSON.parse(payload).id;
    expect(await db.processedWebhookEvent.count({ where: { id: eventId } })).toBe(1);
  });

  it("issues exactly one eSIM when the success page fulfils before the webhook arrives", async () => {
    const { order, sessionId } = await paidWithoutDelivery({ planSlug: "docomo-3gb-7d", quantity: 2 });
    expect(await fulfilCheckout(sessionId)).toEqual({ status: "fulfilled" });
    expect(await fulfilCheckout(sessionId)).toEqual({ status: "already_done" });

    const { payload, signature } = await signedSessionEvent("checkout.session.completed", sessionId);
    expect((await POST(webhookRequest(payload, signature))).status).toBe(200);
    // Two eSIMs were bought (the second free), and each was issued once.
    expect((await profilesOf(order.id)).map((p) => p.sequence).sort()).toEqual([1, 2]);
  });

  it("skips a replayed event and ignores one that arrives out of order", async () => {
    const { order, sessionId } = await paidWithoutDelivery();
    const completed = await signedSessionEvent("checkout.session.completed", sessionId);
    await POST(webhookRequest(completed.payload, completed.signature));

    const replay = await POST(webhookRequest(completed.payload, completed.signature));
    expect(await replay.json()).toEqual({ received: true, result: "duplicate" });

    const late = await signedSessionEvent("checkout.session.expired", sessionId);
    expect((await POST(webhookRequest(late.payload, late.signature))).status).toBe(200);
    expect(await orderOf(order.id)).toMatchObject({ status: "FULFILLED" });
    expect(await profilesOf(order.id)).toHaveLength(1);
  });

  it("answers 2xx to an event type it does not handle", async () => {
    const payload = JSON.stringify({
      id: "evt_unhandled_1",
      object: "event",
      type: "customer.created",
      data: { object: {} },
    });
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: process.env.STRIPE_WEBHOOK_SECRET! });
    const response = await POST(webhookRequest(payload, signature));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true, result: "ignored" });
  });

  it("does not fulfil a session that was never paid", async () => {
    const { order, sessionId } = await openCheckout();
    expect(await fulfilCheckout(sessionId)).toEqual({ status: "awaiting_payment" });
    expect(await orderOf(order.id)).toMatchObject({ status: "PENDING" });
  });
});

// What the job queue would do at once and then on schedule: every attempt due for the session.
async function deliverEventsOf(sessionId: string) {
  const events = await db.localWebhookEvent.findMany({ where: { sessionId, deliveredAt: null, gaveUpAt: null } });
  return Promise.all(events.map((event) => deliverLocalEvent(event.id)));
}

describe("the local checkout", () => {
  it("stores checkout.session.completed with the payment and delivers it over HTTP to the webhook route, once", async () => {
    const { order, sessionId } = await openCheckout();
    const attempt = await payLocalSession(sessionId, CARD, webhookServer.origin);
    expect(attempt).toEqual({
      status: "succeeded",
      redirectTo: `${env().APP_URL}/en/checkout/success?session_id=${sessionId}`,
    });
    const [event, ...others] = await localEventsOfSession(sessionId);
    expect(others).toHaveLength(0);
    expect(event).toMatchObject({ type: "checkout.session.completed", attempts: 0, deliveredAt: null });

    expect(await deliverEventsOf(sessionId)).toEqual([{ status: "delivered" }]);
    expect(await orderOf(order.id)).toMatchObject({ status: "FULFILLED" });
    const [delivered] = await localEventsOfSession(sessionId);
    expect(delivered).toMatchObject({ attempts: 1, deliveredAt: expect.any(Date), nextAttemptAt: null });
    expect(delivered!.deliveries).toMatchObject([{ status: 200, error: null }]);
    expect(await deliverLocalEvent(delivered!.id)).toEqual({ status: "done_before" });
  });

  it("delivers again on schedule while the shop answers 503 or not at all, until it answers 2xx", async () => {
    let answer: "down" | "unreachable" | "up" = "down";
    const flaky = createServer(async (req, res) => {
      if (answer === "unreachable") return req.socket.destroy();
      if (answer === "down") return res.writeHead(503).end();
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const response = await POST(
        new Request(`http://127.0.0.1${req.url}`, {
          method: "POST",
          headers: req.headers as Record<string, string>,
          body: Buffer.concat(chunks),
        }),
      );
      res.writeHead(response.status).end(await response.text());
    });
    await new Promise<void>((resolve) => flaky.listen(0, "127.0.0.1", resolve));
    const origin = `http://127.0.0.1:${(flaky.address() as AddressInfo).port}`;
    try {
      const { order, sessionId } = await openCheckout();
      await payLocalSession(sessionId, CARD, origin);

      const before = Date.now();
      expect(await deliverEventsOf(sessionId)).toEqual([{ status: "rescheduled" }]);
      const [afterFirst] = await localEventsOfSession(sessionId);
      expect(afterFirst!.nextAttemptAt!.getTime() - before).toBeGreaterThanOrEqual(DELIVERY_SCHEDULE_MS[1]!);
      answer = "unreachable";
      expect(await deliverEventsOf(sessionId)).toEqual([{ status: "rescheduled" }]);
      expect(await orderOf(order.id)).toMatchObject({ status: "PENDING" });

      answer = "up";
      expect(await deliverEventsOf(sessionId)).toEqual([{ status: "delivered" }]);
      expect(await orderOf(order.id)).toMatchObject({ status: "FULFILLED" });
      const [event] = await localEventsOfSession(sessionId);
      expect(event!.deliveries.map((delivery) => delivery.status)).toEqual([503, null, 200]);
      expect(event!.deliveries[1]!.error).toBeTruthy();
      expect(await profilesOf(order.id)).toHaveLength(1);
    } finally {
      await new Promise((resolve) => flaky.close(resolve));
    }
  });

  it("gives up after the last scheduled attempt, and says so", async () => {
    const { sessionId } = await openCheckout();
    await payLocalSession(sessionId, CARD, NO_WEBHOOK_RECEIVER);
    const [event] = await localEventsOfSession(sessionId);
    await db.localWebhookEvent.update({
      where: { id: event!.id },
      data: { attempts: DELIVERY_SCHEDULE_MS.length - 1 },
    });
    expect(await deliverLocalEvent(event!.id)).toEqual({ status: "given_up" });
    expect((await localEventsOfSession(sessionId))[0]).toMatchObject({
      gaveUpAt: expect.any(Date),
      nextAttemptAt: null,
    });
  });

  it("keeps a declined session open for another card, and announces only the payment", async () => {
    const { order, sessionId } = await openCheckout();
    expect(await payLocalSession(sessionId, { ...CARD, cardNumber: "4000000000009995" }, webhookServer.origin)).toEqual(
      { status: "declined", code: "insufficient_funds" },
    );
    expect(await orderOf(order.id)).toMatchObject({ status: "PENDING" });
    expect(await localEventsOfSession(sessionId)).toHaveLength(0);
    expect((await payLocalSession(sessionId, CARD, webhookServer.origin)).status).toBe("succeeded");
    await deliverEventsOf(sessionId);
    expect(await profilesOf(order.id)).toHaveLength(1);
    // A paid session cannot be paid again, nor announced twice.
    expect(await payLocalSession(sessionId, CARD, webhookServer.origin)).toEqual({ status: "closed" });
    expect(await localEventsOfSession(sessionId)).toHaveLength(1);
  });

  it("expires sessions after 24 hours and the order with them", async () => {
    const { order, sessionId } = await openCheckout();
    await db.localCheckoutSession.update({
      where: { id: sessionId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });

    expect(await expireStaleLocalSessions(webhookServer.origin)).toBeGreaterThanOrEqual(1);
    expect(await deliverEventsOf(sessionId)).toEqual([{ status: "delivered" }]);
    expect(await orderOf(order.id)).toMatchObject({ status: "EXPIRED" });
    expect(await payLocalSession(sessionId, CARD, webhookServer.origin)).toEqual({ status: "closed" });
    expect(await fulfilCheckout(sessionId)).toEqual({ status: "already_done" });
  });

  it("expires only the buyer's own stale session from their page, and leaves the rest to the expiry job", async () => {
    const stale = async () => {
      const checkout = await openCheckout();
      await db.localCheckoutSession.update({
        where: { id: checkout.sessionId },
        data: { expiresAt: new Date(Date.now() - 1000) },
      });
      return checkout;
    };
    const mine = await stale();
    const theirs = await stale();
    const sessionOf = (id: string) => db.localCheckoutSession.findUniqueOrThrow({ where: { id } });

    // Another buyer opening a checkout closes nothing of anyone else's.
    await openCheckout();
    expect(await sessionOf(theirs.sessionId)).toMatchObject({ status: "OPEN" });

    expect(await expireStaleLocalSessions(webhookServer.origin, { sessionId: mine.sessionId })).toBe(1);
    await deliverEventsOf(mine.sessionId);
    expect(await sessionOf(mine.sessionId)).toMatchObject({ status: "EXPIRED" });
    expect(await orderOf(mine.order.id)).toMatchObject({ status: "EXPIRED" });
    expect(await sessionOf(theirs.sessionId)).toMatchObject({ status: "OPEN" });

    // The job's sweep announces it to the configured address (APP_URL, where nobody listens in
    // tests); the test delivers the announcement itself.
    expect(await sweepStaleLocalSessions()).toBeGreaterThanOrEqual(1);
    expect(await sessionOf(theirs.sessionId)).toMatchObject({ status: "EXPIRED" });
    const [announced] = await localEventsOfSession(theirs.sessionId);
    expect(announced).toMatchObject({
      type: "checkout.session.expired",
      endpoint: `${env().APP_URL}/api/webhooks/stripe`,
    });
    const { payload, signature } = await signedSessionEvent("checkout.session.expired", theirs.sessionId);
    expect((await POST(webhookRequest(payload, signature))).status).toBe(200);
    expect(await orderOf(theirs.order.id)).toMatchObject({ status: "EXPIRED" });
  });
});
