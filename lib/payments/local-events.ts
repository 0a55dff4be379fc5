import "server-only";
import { randomBytes } from "node:crypto";
import type { LocalCheckoutSession } from "@prisma/client";
import Stripe from "stripe";

// The fields of Stripe's Checkout Session the local checkout fills in, typed by the SDK.
export type LocalSessionObject = Pick<
  Stripe.Checkout.Session,
  | "id"
  | "object"
  | "amount_subtotal"
  | "amount_total"
  | "cancel_url"
  | "client_reference_id"
  | "created"
  | "currency"
  | "customer_email"
  | "expires_at"
  | "livemode"
  | "metadata"
  | "mode"
  | "payment_intent"
  | "payment_status"
  | "status"
  | "success_url"
  | "url"
>;

export type LocalEventType = Extract<Stripe.Event.Type, "checkout.session.completed" | "checkout.session.expired">;

export type LocalCheckoutEvent = Pick<
  Stripe.Event,
  "id" | "object" | "api_version" | "created" | "livemode" | "pending_webhooks" | "request"
> & { type: LocalEventType; data: { object: LocalSessionObject } };

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

export function stripeStyleId(prefix: string): string {
  return `${prefix}_${randomBytes(18).toString("base64url").replace(/[-_]/g, "0")}`;
}

export function sessionObject(session: LocalCheckoutSession): LocalSessionObject {
  return {
    id: session.id,
    object: "checkout.session",
    amount_subtotal: session.amountTotal,
    amount_total: session.amountTotal,
    cancel_url: session.cancelUrl,
    client_reference_id: session.orderId,
    created: seconds(session.createdAt),
    currency: session.currency.toLowerCase(),
    customer_email: session.customerEmail,
    expires_at: seconds(session.expiresAt),
    livemode: false,
    metadata: { orderId: session.orderId },
    mode: "payment",
    payment_intent: session.paymentIntentId,
    payment_status: session.paymentStatus === "paid" ? "paid" : "unpaid",
    status: session.status === "COMPLETE" ? "complete" : session.status === "EXPIRED" ? "expired" : "open",
    success_url: session.successUrl,
    url: null,
  };
}

export function checkoutEvent(type: LocalEventType, session: LocalCheckoutSession): LocalCheckoutEvent {
  return {
    id: stripeStyleId("evt"),
    object: "event",
    api_version: Stripe.API_VERSION,
    created: seconds(new Date()),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object: sessionObject(session) },
  };
}
