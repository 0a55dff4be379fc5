import { randomUUID } from "node:crypto";
import type { JobHelpers } from "graphile-worker";
import Stripe from "stripe";
import { POST } from "@/app/api/webhooks/stripe/route";
import { registerUser } from "../accounts/registration";
import { startTopUp } from "../balance/topups";
import { db } from "../db/client";
import { env } from "../env";
import { applyLifecycleEvent } from "../esim/profiles";
import type { JobName } from "../jobs/queue";
import { taskList } from "../jobs/tasks";
import { checkoutsByAccount, startCheckout } from "../orders/checkout";
import { fulfilCheckout } from "../orders/fulfilment";
import { payLocalSession } from "../payments/local-checkout";
import { deliverLocalEvent } from "../payments/local-event-delivery";
import { checkoutEvent, type LocalEventType, refundEvent } from "../payments/local-events";
import { issueKonbiniVoucher } from "../payments/local-konbini";
import { registerSchema } from "../validation/auth";
import { konbiniDetailsSchema } from "../validation/local-payments";
import { uniqueEmail, uniqueIp } from "./users";

export const BUYER_PASSWORD = "correct horse battery";

export async function newBuyer() {
  const email = uniqueEmail("buyer");
  const result = await registerUser(
    registerSchema.parse({ name: "Test Buyer", email, password: BUYER_PASSWORD }),
    "en",
    uniqueIp(),
  );
  if (result.status !== "created") throw new Error("could not create buyer");
  return { id: result.userId, email };
}

export async function openCheckout(request: { planSlug?: string; quantity?: number; promoCode?: string } = {}) {
  const buyer = await newBuyer();
  const result = await startCheckout(
    buyer,
    { planSlug: request.planSlug ?? "au-1gb-3d", quantity: request.quantity ?? 1, promoCode: request.promoCode },
    { locale: "en" },
  );
  if (result.status !== "opened") throw new Error(`checkout refused: ${result.status}`);
  const order = await db.order.findUniqueOrThrow({ where: { id: result.orderId } });
  return { buyer, order, sessionId: order.paymentSessionId! };
}

// A Stripe-shaped event for the session as it stands, signed as Stripe signs.
export async function signedSessionEvent(
  type: LocalEventType,
  sessionId: string,
  secret = env().STRIPE_WEBHOOK_SECRET,
) {
  const session = await db.localCheckoutSession.findUniqueOrThrow({ where: { id: sessionId } });
  const payload = JSON.stringify(checkoutEvent(type, session));
  return { payload, signature: Stripe.webhooks.generateTestHeaderString({ payload, secret }) };
}

export function webhookRequest(payload: string, signature?: string) {
  return new Request("http://127.0.0.1/api/webhooks/stripe", {
    method: "POST",
    headers: { "content-type": "application/json", ...(signature ? { "stripe-signature": signature } : {}) },
    body: payload,
  });
}

// Benchmarks and history builders buy far more often than a person may: each purchase starts
// with the account's checkout allowance untouched.
export async function forgetCheckoutThrottle(userId: string) {
  await checkoutsByAccount.delete(userId);
}

export const SUCCEEDING_CARD = { cardNumber: "4242424242424242", expiry: "12 / 34", cvc: "123" };

// Nothing listens here: the local checkout's own webhook delivery fails, and the test
// delivers (or fulfils) itself.
export const NO_WEBHOOK_RECEIVER = "http://127.0.0.1:9";

async function payWithoutDelivery(sessionId: string) {
  const attempt = await payLocalSession(sessionId, SUCCEEDING_CARD, NO_WEBHOOK_RECEIVER);
  if (attempt.status !== "succeeded") throw new Error(`payment did not succeed: ${attempt.status}`);
}

export async function paidWithoutDelivery(request?: Parameters<typeof openCheckout>[0]) {
  const checkout = await openCheckout(request);
  await payWithoutDelivery(checkout.sessionId);
  return checkout;
}

// A top-up of the eSIM, paid, with nobody told yet: the test fulfils (or delivers) itself.
export async function paidTopUpWithoutDelivery(
  buyer: { id: string; email: string },
  esimId: string,
  pack = "au-topup-1gb-7d",
) {
  const started = await startTopUp(buyer, esimId, pack, { locale: "en" });
  if (started.status !== "opened") throw new Error(`top-up refused: ${started.status}`);
  const order = await db.order.findUniqueOrThrow({ where: { id: started.orderId } });
  await payWithoutDelivery(order.paymentSessionId!);
  return { order, sessionId: order.paymentSessionId! };
}

// A bought eSIM, fulfilled, installed and enabled on the network: ready for usage.
export async function activeEsims(planSlug: string, quantity: number) {
  const { buyer, order, sessionId } = await paidWithoutDelivery({ planSlug, quantity });
  await fulfilCheckout(sessionId);
  const esims = await db.esimProfile.findMany({ where: { orderId: order.id }, orderBy: { iccid: "asc" } });
  for (const esim of esims) {
    for (const event of ["download", "install", "enable"] as const)
      await applyLifecycleEvent(esim.id, buyer.id, event, "test");
  }
  return { buyer, esims };
}

export async function activeEsim(planSlug = "au-1gb-3d") {
  const { buyer, esims } = await activeEsims(planSlug, 1);
  return { buyer, esim: esims[0]! };
}

// A plan of its own at this price, taken off sale again once the checkout is open, so the
// catalog other tests see stays the seeded one.
export async function openCheckoutPriced(priceAmount: number) {
  const slug = `test-plan-${randomUUID().slice(0, 8)}`;
  const plan = await db.plan.create({
    data: { slug, carrierCode: "KDDI_AU", kind: "DATA_PACK", dataMb: 1024, days: 3, priceAmount },
  });
  try {
    return await openCheckout({ planSlug: slug });
  } finally {
    await db.plan.update({ where: { id: plan.id }, data: { active: false } });
  }
}

// An amount-off code of its own (like TOKYO500), so a test counts only its own redemptions.
export async function newPromoCode({ amountOff = 500, maxRedemptions = null as number | null } = {}) {
  const code = `TEST${randomUUID().slice(0, 8).toUpperCase()}`;
  await db.promotion.create({
    data: {
      slug: code.toLowerCase(),
      kind: "CODE",
      code,
      amountOff,
      currency: "JPY",
      maxRedemptions,
      startsAt: new Date(Date.now() - 86_400_000),
      endsAt: new Date(Date.now() + 86_400_000),
    },
  });
  return code;
}

// A top-up of the eSIM with its checkout open and nothing paid yet.
export async function openTopUp(buyer: { id: string; email: string }, esimId: string, pack = "au-topup-1gb-7d") {
  const started = await startTopUp(buyer, esimId, pack, { locale: "en" });
  if (started.status !== "opened") throw new Error(`top-up refused: ${started.status}`);
  const order = await db.order.findUniqueOrThrow({ where: { id: started.orderId } });
  return { order, sessionId: order.paymentSessionId! };
}

// The Konbini form as the buyer sends it; Stripe's test values in the email or the
// confirmation number (the phone) decide what becomes of the voucher.
export function issueVoucher(sessionId: string, origin: string, { email = "aiko@example.test", phone = "" } = {}) {
  const { sessionId: _id, ...details } = konbiniDetailsSchema.parse({ sessionId, name: "Aiko Tanaka", email, phone });
  return issueKonbiniVoucher(sessionId, details, origin);
}

// What the queue's delivery jobs do with the session's announcements: each one not yet
// delivered, in the order they were made.
export async function deliverEventsOf(sessionId: string) {
  const events = await db.localWebhookEvent.findMany({
    where: { sessionId, deliveredAt: null, gaveUpAt: null },
    orderBy: { createdAt: "asc" },
  });
  const outcomes = [];
  for (const event of events) outcomes.push({ type: event.type, ...(await deliverLocalEvent(event.id)) });
  return outcomes;
}

export type QueuedJob = { task: JobName; payload: unknown; runAt: Date; attempts: number };

// The pending job with this key, as graphile-worker keeps it.
export async function queuedJob(key: string): Promise<QueuedJob | null> {
  const [job] = await db.$queryRaw<QueuedJob[]>`
    SELECT t.identifier AS task, j.payload, j.run_at AS "runAt", j.attempts
    FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
    WHERE j.key = ${key}`;
  return job ?? null;
}

// Runs the job with this key now, as the runner would once it is due, taking it off the queue.
// (The tasks run here use none of the runner's helpers.)
export async function runQueuedJob(key: string): Promise<QueuedJob> {
  const job = await queuedJob(key);
  if (!job) throw new Error(`no job queued as ${key}`);
  await db.$executeRaw`SELECT FROM graphile_worker.remove_job(${key})`;
  await taskList[job.task](job.payload, {} as JobHelpers);
  return job;
}

export function signedEvent(event: object, secret = env().STRIPE_WEBHOOK_SECRET) {
  const payload = JSON.stringify(event);
  return { payload, signature: Stripe.webhooks.generateTestHeaderString({ payload, secret }) };
}

// charge.refund.updated for the local refund as it stands, or with the status it had once (a
// late event).
export async function signedRefundEvent(refundId: string, status?: string) {
  const refund = await db.localRefund.findUniqueOrThrow({ where: { id: refundId }, include: { session: true } });
  return signedEvent(refundEvent({ ...refund, status: status ?? refund.status }, refund.session));
}

// Sent to the webhook route as Stripe sends it; answers the route's status and result.
export async function postEvent({ payload, signature }: { payload: string; signature: string }) {
  const response = await POST(webhookRequest(payload, signature));
  return { status: response.status, result: ((await response.json()) as { result?: string }).result };
}
