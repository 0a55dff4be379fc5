import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "../db/client";
import { addJob } from "../jobs/queue";
import { log } from "../log";
import type { LocalCheckoutEvent } from "./local-events";
import { signWebhookPayload } from "./webhook-signature";

export const WEBHOOK_PATH = "/api/webhooks/stripe";

// When each delivery is tried after the event: Stripe's schedule (retries with exponential
// backoff over three days in live mode) compressed for a sandbox to about sixteen hours, so a
// shop that was down for minutes or hours still gets every event by redelivery alone.
export const DELIVERY_SCHEDULE_MS = [
  0,
  5_000,
  30_000,
  2 * 60_000,
  10 * 60_000,
  30 * 60_000,
  60 * 60_000,
  2 * 60 * 60_000,
  4 * 60 * 60_000,
  8 * 60 * 60_000,
];

// Like Stripe, a shop that does not answer within this long has failed the attempt.
const TIMEOUT_MS = 15_000;

const jobKey = (eventId: string) => `local-event:${eventId}`;

// Stores the event and its first delivery in the caller's transaction: an event exists, and
// is delivered, exactly when the change it announces has committed. Each is filed under its
// checkout session, refunds included, so one log tells a payment's whole story.
export async function announceLocalEvent(
  tx: Prisma.TransactionClient,
  sessionId: string,
  event: LocalCheckoutEvent,
  origin: string,
) {
  await tx.localWebhookEvent.create({
    data: {
      id: event.id,
      sessionId,
      type: event.type,
      endpoint: `${origin}${WEBHOOK_PATH}`,
      payload: event as unknown as Prisma.InputJsonObject,
      nextAttemptAt: new Date(),
    },
  });
  await addJob(tx, "deliver-local-event", { eventId: event.id }, { jobKey: jobKey(event.id) });
}

async function post(endpoint: string, payload: string): Promise<{ status: number | null; error?: string }> {
  try {
    const response = await fetch(endpoint, {
      method: "POST",
      // Signed at each attempt, with its own timestamp, as Stripe signs a redelivery.
      headers: { "content-type": "application/json", "stripe-signature": signWebhookPayload(payload) },
      body: payload,
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await response.body?.cancel();
    return { status: response.status };
  } catch (error) {
    return { status: null, error: String((error as Error).cause ?? error).slice(0, 300) };
  }
}

export type DeliveryOutcome = { status: "delivered" | "rescheduled" | "given_up" | "done_before" };

// One attempt: recorded with its answer and duration; anything but 2xx schedules the next
// attempt, until the schedule runs out.
export async function deliverLocalEvent(eventId: string): Promise<DeliveryOutcome> {
  const event = await db.localWebhookEvent.findUnique({ where: { id: eventId } });
  if (!event || event.deliveredAt || event.gaveUpAt) return { status: "done_before" };
  const started = Date.now();
  const answer = await post(event.endpoint, JSON.stringify(event.payload));
  const delivered = answer.status !== null && answer.status >= 200 && answer.status < 300;
  const attempts = event.attempts + 1;
  const now = new Date();
  const nextDelay = DELIVERY_SCHEDULE_MS[attempts];
  const outcome: DeliveryOutcome["status"] = delivered
    ? "delivered"
    : nextDelay === undefined
      ? "given_up"
      : "rescheduled";

  await db.$transaction(async (tx) => {
    await tx.localWebhookAttempt.create({
      data: { eventId, status: answer.status, durationMs: Date.now() - started, error: answer.error },
    });
    const nextAttemptAt = outcome === "rescheduled" ? new Date(now.getTime() + nextDelay!) : null;
    await tx.localWebhookEvent.update({
      where: { id: eventId },
      data: {
        attempts,
        nextAttemptAt,
        deliveredAt: outcome === "delivered" ? now : null,
        gaveUpAt: outcome === "given_up" ? now : null,
      },
    });
    if (nextAttemptAt)
      await addJob(tx, "deliver-local-event", { eventId }, { runAt: nextAttemptAt, jobKey: jobKey(eventId) });
  });
  if (!delivered)
    log.warn({ eventId, attempts, status: answer.status, error: answer.error, outcome }, "webhook delivery failed");
  if (outcome === "given_up") log.error({ eventId }, "webhook event undelivered after every attempt");
  return { status: outcome };
}

export function localEventsOfSession(sessionId: string) {
  return db.localWebhookEvent.findMany({
    where: { sessionId },
    orderBy: { createdAt: "asc" },
    include: { deliveries: { orderBy: { attemptedAt: "asc" } } },
  });
}
