import "server-only";
import { db } from "../db/client";
import type { CardInput } from "../validation/card";
import { scheduleLocalDispute } from "./local-disputes";
import { announceLocalEvent } from "./local-event-delivery";
import { checkoutEvent } from "./local-events";
import { assertLocalCheckoutAllowed } from "./local-guard";
import {
  completeSession,
  localWebhookOrigin,
  offers,
  openSession,
  type PaymentAttempt,
  recordFailure,
} from "./local-session";
import { paymentGateway } from "./provider";
import { cardBrand, testCardOutcome } from "./test-cards";

// What Stripe's hosted checkout does after the buyer submits a card, for the local checkout:
// apply the test card's outcome, then tell the shop through its webhook route.

// Only the brand and last digits are kept, as Stripe shows them; never the number or the CVC.
const cardCompletion = (cardNumber: string, refund?: string, dispute?: string) => ({
  paymentMethod: "card" as const,
  paymentDetails: { brand: cardBrand(cardNumber), last4: cardNumber.slice(-4) },
  cardRefundBehaviour: refund ?? null,
  cardDisputeReason: dispute ?? null,
});

export async function payLocalSession(sessionId: string, card: CardInput, origin: string): Promise<PaymentAttempt> {
  const session = await openSession(sessionId);
  if (!session) return { status: "closed" };
  if (!offers(session, "card")) return { status: "not_offered" };
  const outcome = testCardOutcome(card.cardNumber);
  if (outcome.kind === "declined") return recordFailure(session, "card", outcome.code);
  if (outcome.kind === "requires_authentication") {
    await db.localCheckoutSession.update({
      where: { id: session.id },
      data: { pendingChallenge: card.cardNumber.slice(-4), lastDeclineCode: null, lastFailedMethod: null },
    });
    return { status: "requires_authentication" };
  }
  return completeSession(
    session,
    origin,
    cardCompletion(card.cardNumber, outcome.refund, outcome.dispute),
    scheduleLocalDispute,
  );
}

// The buyer's answer to the 3-D Secure challenge (the one test card that asks refunds at once).
export async function resolveChallenge(sessionId: string, approved: boolean, origin: string): Promise<PaymentAttempt> {
  const session = await openSession(sessionId);
  if (!session?.pendingChallenge) return { status: "closed" };
  if (!approved) return recordFailure(session, "card", "authentication_failed");
  return completeSession(session, origin, {
    paymentMethod: "card",
    paymentDetails: { brand: "visa", last4: session.pendingChallenge },
  });
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
          session.id,
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
