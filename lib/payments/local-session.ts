import "server-only";
import type { LocalCheckoutSession, Prisma } from "@prisma/client";
import { db } from "../db/client";
import { env } from "../env";
import { SESSION_ID_PLACEHOLDER } from "./gateway";
import { announceLocalEvent } from "./local-event-delivery";
import { checkoutEvent, stripeStyleId } from "./local-events";
import { assertLocalCheckoutAllowed } from "./local-guard";
import type { PaymentMethodType } from "./methods";

// What every way of paying in the local checkout shares: finding the session while it can
// still be paid, completing it (announced once), and remembering a failed attempt.

export type PaymentAttempt =
  | { status: "succeeded"; redirectTo: string }
  | { status: "requires_authentication" }
  | { status: "declined"; code: string }
  | { status: "not_offered" }
  | { status: "closed" };

// Where the local checkout sends its events: the shop's configured address, as an endpoint in
// Stripe's dashboard is. Never the host a request names: a forged Host header would have the
// server post signed events (and its own requests) anywhere.
export function localWebhookOrigin(): string {
  return env().APP_URL;
}

export function isOpen(session: LocalCheckoutSession, now = new Date()): boolean {
  return session.status === "OPEN" && session.expiresAt > now;
}

export async function openSession(sessionId: string): Promise<LocalCheckoutSession | null> {
  assertLocalCheckoutAllowed();
  const session = await db.localCheckoutSession.findUnique({ where: { id: sessionId } });
  return session && isOpen(session) ? session : null;
}

// A method the session does not offer (a forged post) is refused as Stripe refuses it.
export function offers(session: LocalCheckoutSession, method: PaymentMethodType): boolean {
  return session.paymentMethodTypes.includes(method);
}

export function successRedirect(session: LocalCheckoutSession): string {
  return session.successUrl.replace(SESSION_ID_PLACEHOLDER, session.id);
}

type Completion = Omit<Prisma.LocalCheckoutSessionUpdateManyMutationInput, "status" | "completedAt"> & {
  paymentMethod: PaymentMethodType;
};

// Conditional on OPEN, so a double submit cannot complete (and announce) a session twice; the
// event is stored and queued in the same transaction as the payment it announces. `after` runs
// in that transaction for the one caller that completed it (a Konbini voucher's outcome).
export async function completeSession(
  session: LocalCheckoutSession,
  origin: string,
  completion: Completion,
  after?: (tx: Prisma.TransactionClient, completed: LocalCheckoutSession) => Promise<void>,
): Promise<PaymentAttempt> {
  const current = await db.$transaction(async (tx) => {
    const completed = await tx.localCheckoutSession.updateMany({
      where: { id: session.id, status: "OPEN" },
      data: {
        paymentStatus: "paid",
        paymentIntentId: stripeStyleId("pi"),
        ...completion,
        status: "COMPLETE",
        pendingChallenge: null,
        lastDeclineCode: null,
        lastFailedMethod: null,
        completedAt: new Date(),
      },
    });
    const updated = await tx.localCheckoutSession.findUniqueOrThrow({ where: { id: session.id } });
    if (completed.count === 1) {
      await tx.localPaymentAttempt.create({
        data: { sessionId: session.id, method: completion.paymentMethod, outcome: "succeeded" },
      });
      await announceLocalEvent(tx, updated.id, checkoutEvent("checkout.session.completed", updated), origin);
      await after?.(tx, updated);
    }
    return updated;
  });
  if (current.status !== "COMPLETE") return { status: "closed" };
  return { status: "succeeded", redirectTo: successRedirect(current) };
}

// The session stays open, so the buyer can try again or choose another method; each try is
// kept for the order's timeline.
export async function recordFailure(
  session: LocalCheckoutSession,
  method: PaymentMethodType,
  code: string,
): Promise<PaymentAttempt> {
  const count = await db.$transaction(async (tx) => {
    const { count } = await tx.localCheckoutSession.updateMany({
      where: { id: session.id, status: "OPEN" },
      data: { lastDeclineCode: code, lastFailedMethod: method, pendingChallenge: null },
    });
    if (count === 1)
      await tx.localPaymentAttempt.create({
        data: { sessionId: session.id, method, outcome: "declined", declineCode: code },
      });
    return count;
  });
  return count === 1 ? { status: "declined", code } : { status: "closed" };
}
