import "server-only";
import type { LocalCheckoutSession } from "@prisma/client";
import { db } from "../db/client";
import { env } from "../env";
import { log } from "../log";
import type { CardInput } from "../validation/card";
import { SESSION_ID_PLACEHOLDER } from "./gateway";
import { checkoutEvent, type LocalCheckoutEvent, stripeStyleId } from "./local-events";
import { assertLocalCheckoutAllowed } from "./local-gateway";
import { paymentGateway } from "./provider";
import { type DeclineCode, testCardOutcome } from "./test-cards";
import { signWebhookPayload } from "./webhook-signature";

// What Stripe's hosted checkout does after the buyer submits a card, for the local checkout:
// apply the test card's outcome, then tell the shop through its webhook route.

export type PaymentAttempt =
  | { status: "succeeded"; redirectTo: string }
  | { status: "requires_authentication" }
  | { status: "declined"; code: DeclineCode }
  | { status: "closed" };

export const WEBHOOK_PATH = "/api/webhooks/stripe";

// Where the local checkout sends its events: the shop's configured address, as an endpoint in
// Stripe's dashboard is. Never the host a request names: a forged Host header would have the
// server post signed events (and its own requests) anywhere.
export function localWebhookOrigin(): string {
  return env().APP_URL;
}

export async function deliverEvent(event: LocalCheckoutEvent, origin: string): Promise<number> {
  const payload = JSON.stringify(event);
  try {
    const response = await fetch(`${origin}${WEBHOOK_PATH}`, {
      method: "POST",
      headers: { "content-type": "application/json", "stripe-signature": signWebhookPayload(payload) },
      body: payload,
    });
    if (!response.ok) log.warn({ eventId: event.id, status: response.status }, "webhook delivery refused");
    return response.status;
  } catch (error) {
    // Like Stripe, a failed delivery does not undo the payment; the success page fulfils too.
    log.warn({ eventId: event.id, reason: String((error as Error).cause ?? error) }, "webhook delivery failed");
    return 0;
  }
}

function isOpen(session: LocalCheckoutSession, now: Date): boolean {
  return session.status === "OPEN" && session.expiresAt > now;
}

async function openSession(sessionId: string): Promise<LocalCheckoutSession | null> {
  assertLocalCheckoutAllowed();
  const session = await db.localCheckoutSession.findUnique({ where: { id: sessionId } });
  return session && isOpen(session, new Date()) ? session : null;
}

async function completeSession(session: LocalCheckoutSession, origin: string): Promise<PaymentAttempt> {
  // Conditional on OPEN, so a double submit cannot complete (and announce) a session twice.
  const completed = await db.localCheckoutSession.updateMany({
    where: { id: session.id, status: "OPEN" },
    data: {
      status: "COMPLETE",
      paymentStatus: "paid",
      paymentIntentId: stripeStyleId("pi"),
      pendingChallenge: null,
      lastDeclineCode: null,
      completedAt: new Date(),
    },
  });
  const current = await db.localCheckoutSession.findUniqueOrThrow({ where: { id: session.id } });
  if (completed.count === 1) await deliverEvent(checkoutEvent("checkout.session.completed", current), origin);
  if (current.status !== "COMPLETE") return { status: "closed" };
  return { status: "succeeded", redirectTo: current.successUrl.replace(SESSION_ID_PLACEHOLDER, current.id) };
}

async function decline(session: LocalCheckoutSession, code: DeclineCode): Promise<PaymentAttempt> {
  await db.localCheckoutSession.update({
    where: { id: session.id },
    data: { lastDeclineCode: code, pendingChallenge: null },
  });
  return { status: "declined", code };
}

export async function payLocalSession(sessionId: string, card: CardInput, origin: string): Promise<PaymentAttempt> {
  const session = await openSession(sessionId);
  if (!session) return { status: "closed" };
  const outcome = testCardOutcome(card.cardNumber);
  if (outcome.kind === "declined") return decline(session, outcome.code);
  if (outcome.kind === "requires_authentication") {
    await db.localCheckoutSession.update({
      where: { id: session.id },
      data: { pendingChallenge: card.cardNumber.slice(-4), lastDeclineCode: null },
    });
    return { status: "requires_authentication" };
  }
  return completeSession(session, origin);
}

// The buyer's answer to the 3-D Secure challenge.
export async function resolveChallenge(sessionId: string, approved: boolean, origin: string): Promise<PaymentAttempt> {
  const session = await openSession(sessionId);
  if (!session?.pendingChallenge) return { status: "closed" };
  return approved ? completeSession(session, origin) : decline(session, "authentication_failed");
}

// Sessions expire 24 hours after creation, as Stripe's do; each expiry is announced once.
// With a session id, only that one (its buyer's page); without, every stale one (the expiry job).
export async function expireStaleLocalSessions(
  origin: string,
  { sessionId, now = new Date() }: { sessionId?: string; now?: Date } = {},
): Promise<number> {
  const stale = await db.localCheckoutSession.findMany({
    where: { id: sessionId, status: "OPEN", expiresAt: { lte: now } },
    take: 100,
  });
  let expired = 0;
  for (const session of stale) {
    const { count } = await db.localCheckoutSession.updateMany({
      where: { id: session.id, status: "OPEN" },
      data: { status: "EXPIRED", pendingChallenge: null },
    });
    if (count === 0) continue;
    expired += 1;
    await deliverEvent(checkoutEvent("checkout.session.expired", { ...session, status: "EXPIRED" }), origin);
  }
  return expired;
}

// The periodic expiry job, where the local checkout is the gateway.
export async function sweepStaleLocalSessions(): Promise<number> {
  if (paymentGateway().provider !== "local") return 0;
  return expireStaleLocalSessions(localWebhookOrigin());
}

export async function localSessionForPage(sessionId: string) {
  assertLocalCheckoutAllowed();
  return db.localCheckoutSession.findUnique({
    where: { id: sessionId },
    include: { order: { select: { userId: true, status: true } } },
  });
}
