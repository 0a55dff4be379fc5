import "server-only";
import Stripe from "stripe";
import { env } from "../env";

// Real Stripe and the local checkout sign with the same scheme (Stripe-Signature, HMAC-SHA256
// with a timestamp), so one verification serves both.
export function verifyWebhookEvent(payload: string, signature: string | null): Stripe.Event {
  if (!signature)
    throw new Stripe.errors.StripeSignatureVerificationError(signature ?? "", payload, {
      message: "No Stripe-Signature header",
    });
  return Stripe.webhooks.constructEvent(payload, signature, env().STRIPE_WEBHOOK_SECRET);
}

export function signWebhookPayload(payload: string): string {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret: env().STRIPE_WEBHOOK_SECRET });
}
