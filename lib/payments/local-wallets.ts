import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "../db/client";
import { assertLocalCheckoutAllowed } from "./local-guard";
import { completeSession, isOpen, offers, openSession, type PaymentAttempt, recordFailure } from "./local-session";
import { asPaymentMethodType, type RedirectMethod } from "./methods";

// PayPay, Alipay, WeChat Pay and PayPal in the local checkout: the buyer is sent to a test
// authorization page like Stripe's ("Authorize test payment" / "Fail test payment"). The page's
// link is unguessable and needs no sign-in, because a QR code opens it on the buyer's phone.

// Failing the test page is what Stripe reports as a failed payment attempt.
export const AUTHORIZATION_FAILED = "payment_method_authorization_failed";

export type RedirectStarted = { status: "started"; token: string } | { status: "not_offered" | "closed" };

// Each attempt has its own link; choosing again (the same method or another) retires the last one.
export async function startRedirectPayment(sessionId: string, method: RedirectMethod): Promise<RedirectStarted> {
  const session = await openSession(sessionId);
  if (!session) return { status: "closed" };
  if (!offers(session, method)) return { status: "not_offered" };
  const token = randomBytes(32).toString("base64url");
  const { count } = await db.localCheckoutSession.updateMany({
    where: { id: session.id, status: "OPEN" },
    data: { authorizationToken: token, authorizationMethod: method, lastDeclineCode: null, lastFailedMethod: null },
  });
  return count === 1 ? { status: "started", token } : { status: "closed" };
}

// Back to the method chooser: the waiting attempt's link stops working.
export async function cancelRedirectPayment(sessionId: string): Promise<void> {
  await db.localCheckoutSession.updateMany({
    where: { id: sessionId, status: "OPEN" },
    data: { authorizationToken: null, authorizationMethod: null },
  });
}

export type AuthorizationPage =
  | { status: "waiting"; method: RedirectMethod; amountTotal: number; currency: string; sessionId: string }
  | { status: "authorized" | "failed" | "closed"; method: RedirectMethod; sessionId: string }
  | { status: "unknown" };

// What the authorization page shows for its link: an attempt waiting for an answer, one this
// link authorized or failed, or a session that can no longer be paid (paid otherwise, expired).
export async function authorizationForPage(token: string): Promise<AuthorizationPage> {
  assertLocalCheckoutAllowed();
  const session = await db.localCheckoutSession.findUnique({ where: { authorizationToken: token } });
  const method = asPaymentMethodType(session?.authorizationMethod);
  if (!session || !method || method === "card" || method === "konbini") return { status: "unknown" };
  if (session.status === "COMPLETE" && session.paymentMethod === method)
    return { status: "authorized", method, sessionId: session.id };
  if (!isOpen(session)) return { status: "closed", method, sessionId: session.id };
  if (session.lastFailedMethod === method && session.lastDeclineCode === AUTHORIZATION_FAILED)
    return { status: "failed", method, sessionId: session.id };
  return {
    status: "waiting",
    method,
    amountTotal: session.amountTotal,
    currency: session.currency,
    sessionId: session.id,
  };
}

// The buyer's answer on the authorization page: the payment succeeds (the usual completed event
// and fulfilment follow), or fails and the checkout stays open for another try.
export async function answerAuthorization(token: string, approved: boolean, origin: string): Promise<PaymentAttempt> {
  const page = await authorizationForPage(token);
  if (page.status !== "waiting") return { status: "closed" };
  const session = await openSession(page.sessionId);
  if (!session || session.authorizationToken !== token) return { status: "closed" };
  if (!approved) return recordFailure(session, page.method, AUTHORIZATION_FAILED);
  return completeSession(session, origin, { paymentMethod: page.method, paymentDetails: {} });
}
