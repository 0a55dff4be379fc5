import Stripe from "stripe";
import { registerUser } from "../accounts/registration";
import { startTopUp } from "../balance/topups";
import { db } from "../db/client";
import { applyLifecycleEvent } from "../esim/profiles";
import { checkoutsByAccount, startCheckout } from "../orders/checkout";
import { fulfilCheckout } from "../orders/fulfilment";
import { payLocalSession } from "../payments/local-checkout";
import { checkoutEvent, type LocalEventType } from "../payments/local-events";
import { registerSchema } from "../validation/auth";
import { uniqueEmail } from "./users";

export const BUYER_PASSWORD = "correct horse battery";

export async function newBuyer() {
  const email = uniqueEmail("buyer");
  const result = await registerUser(
    registerSchema.parse({ name: "Test Buyer", email, password: BUYER_PASSWORD }),
    "en",
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
  secret = process.env.STRIPE_WEBHOOK_SECRET!,
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
