import "server-only";
import type { LocalCheckoutSession } from "@prisma/client";
import { db } from "../db/client";
import { env } from "../env";
import type { CardInput } from "../validation/card";
import { SESSION_ID_PLACEHOLDER } from "./gateway";
import { announceLocalEvent } from "./local-event-delivery";
import { checkoutEvent, stripeStyleId } from "./local-events";
import { assertLocalCheckoutAllowed } from "./local-gateway";
import { paymentGateway } from "./provider";
import { type DeclineCode, testCardOutcome } from "./test-cards";

// What Stripe's hosted checkout does after the buyer submits a card, for the local checkout:
// apply the test card's outcome, then tell the shop through its webhook route.

export type PaymentAttempt =
  | { status: "succeeded"; redirectTo: string }
  | { status: "requires_authentication" }
  | { status: "declined"; code: DeclineCode }
  | { status: "closed" };

// Where the local checkout sends its events: the shop's configured address, as an endpoint in
// Stripe's dashboard is. Never the host a request names: a forged Host header would have the
// server post signed events (and its own requests) anywhere.
export function localWebhookOrigin(): string {
  return env().APP_URL;
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
  // Conditional on OPEN, so a double submit cannot complete (and announce) a session twice; the
  // event is stored and queued in the same transaction as the payment it announces.
  const current = await db.$transaction(async (tx) => {
    const completed = await tx.localCheckoutSession.updateMany({
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
    const updated = await tx.localCheckoutSession.findUniqueOrThrow({ where: { id: session.id } });
    if (completed.count === 1)
      await announceLocalEvent(tx, checkoutEvent("checkout.session.completed", updated), origin);
    return updated;
  });
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
    const announced = await db.$transaction(async (tx) => {
      const { count } = await tx.localCheckoutSession.updateMany({
        where: { id: session.id, status: "OPEN" },
        data: { status: "EXPIRED", pendingChallenge: null },
      });
      if (count === 1) {
        await announceLocalEvent(
          tx,
          checkoutEvent("checkout.session.expired", { ...session, status: "EXPIRED" }),
          origin,
        );
      }
      return count === 1;
    });
    if (announced) expired += 1;
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
