import "server-only";
import { randomBytes } from "node:crypto";
import type { LocalCheckoutSession, LocalDispute, LocalRefund } from "@prisma/client";
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
  | "payment_method_types"
  | "payment_status"
  | "status"
  | "success_url"
  | "url"
>;

export type LocalRefundObject = Pick<
  Stripe.Refund,
  "id" | "object" | "amount" | "created" | "currency" | "failure_reason" | "metadata" | "payment_intent" | "status"
>;

export type LocalDisputeObject = Pick<
  Stripe.Dispute,
  | "id"
  | "object"
  | "amount"
  | "charge"
  | "created"
  | "currency"
  | "is_charge_refundable"
  | "livemode"
  | "metadata"
  | "payment_intent"
  | "reason"
  | "status"
> & {
  evidence_details: Pick<Stripe.Dispute.EvidenceDetails, "due_by" | "has_evidence" | "past_due" | "submission_count">;
};

export type LocalDisputeEventType = Extract<
  Stripe.Event.Type,
  "charge.dispute.created" | "charge.dispute.updated" | "charge.dispute.closed"
>;

export type LocalEventType = Extract<
  Stripe.Event.Type,
  | "checkout.session.completed"
  | "checkout.session.expired"
  | "checkout.session.async_payment_succeeded"
  | "checkout.session.async_payment_failed"
>;

type EventEnvelope = Pick<
  Stripe.Event,
  "id" | "object" | "api_version" | "created" | "livemode" | "pending_webhooks" | "request"
>;

export type LocalCheckoutEvent = EventEnvelope &
  (
    | { type: LocalEventType; data: { object: LocalSessionObject } }
    | { type: "charge.refund.updated"; data: { object: LocalRefundObject } }
    | { type: LocalDisputeEventType; data: { object: LocalDisputeObject } }
  );

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
    payment_method_types: session.paymentMethodTypes,
    payment_status: session.paymentStatus === "paid" ? "paid" : "unpaid",
    status: session.status === "COMPLETE" ? "complete" : session.status === "EXPIRED" ? "expired" : "open",
    success_url: session.successUrl,
    url: null,
  };
}

// Stripe's refund failure reasons the local refunds end with.
const FAILURE_REASONS = { declined: "declined", expired: "unknown" } as const;

export function refundObject(refund: LocalRefund, session: LocalCheckoutSession): LocalRefundObject {
  return {
    id: refund.id,
    object: "refund",
    amount: refund.amount,
    created: seconds(refund.createdAt),
    currency: refund.currency.toLowerCase(),
    failure_reason:
      refund.failureReason === "declined" || refund.failureReason === "expired"
        ? FAILURE_REASONS[refund.failureReason]
        : undefined,
    metadata: { orderId: session.orderId },
    payment_intent: session.paymentIntentId,
    status: refund.status,
  };
}

function envelope(): EventEnvelope {
  return {
    id: stripeStyleId("evt"),
    object: "event",
    api_version: Stripe.API_VERSION,
    created: seconds(new Date()),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
  };
}

export function checkoutEvent(type: LocalEventType, session: LocalCheckoutSession): LocalCheckoutEvent {
  return { ...envelope(), type, data: { object: sessionObject(session) } };
}

export function refundEvent(refund: LocalRefund, session: LocalCheckoutSession): LocalCheckoutEvent {
  return { ...envelope(), type: "charge.refund.updated", data: { object: refundObject(refund, session) } };
}

// The charge behind a local payment intent: one per payment, so its id follows from the intent's.
export const chargeIdOf = (paymentIntentId: string) => `ch_${paymentIntentId.replace(/^pi_/, "")}`;

// An inquiry is refundable until it escalates; a chargeback's money is already withdrawn.
const isWarning = (status: string) => status.startsWith("warning_");

export function disputeObject(dispute: LocalDispute, session: LocalCheckoutSession): LocalDisputeObject {
  return {
    id: dispute.id,
    object: "dispute",
    amount: dispute.amount,
    charge: chargeIdOf(session.paymentIntentId ?? ""),
    created: seconds(dispute.createdAt),
    currency: dispute.currency.toLowerCase(),
    evidence_details: {
      due_by: seconds(dispute.evidenceDueBy),
      has_evidence: dispute.evidence !== null,
      past_due: false,
      submission_count: dispute.evidence === null ? 0 : 1,
    },
    is_charge_refundable: isWarning(dispute.status),
    livemode: false,
    // Stripe copies no metadata onto a dispute: the shop finds the order by the payment intent.
    metadata: {},
    payment_intent: session.paymentIntentId,
    reason: dispute.reason,
    status: dispute.status,
  };
}

export function disputeEvent(
  type: LocalDisputeEventType,
  dispute: LocalDispute,
  session: LocalCheckoutSession,
): LocalCheckoutEvent {
  return { ...envelope(), type, data: { object: disputeObject(dispute, session) } };
}
