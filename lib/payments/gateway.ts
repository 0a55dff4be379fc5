// What the shop needs from a payment provider. Both implementations (real Stripe and the
// local test-mode checkout) describe sessions the way Stripe's Checkout Session does, and
// both deliver their events to the same webhook route.
import type { KonbiniStore, KonbiniVoucher } from "./konbini";
import type { PaymentMethodType, RedirectMethod } from "./methods";

export type CheckoutLineItem = { name: string; unitAmount: number; quantity: number };

export type CreateCheckoutInput = {
  orderId: string;
  customerEmail: string;
  currency: string;
  lineItems: CheckoutLineItem[];
  // What the buyer may pay with: configured, and able to take this amount.
  paymentMethodTypes: PaymentMethodType[];
  successUrl: string;
  cancelUrl: string;
};

// How a payment was made, as much as a receipt names.
export type PaymentMethodUsed =
  | { type: "card"; brand: string; last4: string }
  // The store is known once the voucher is paid.
  | { type: "konbini"; store: KonbiniStore | null }
  | { type: RedirectMethod };

export type CheckoutSessionSnapshot = {
  id: string;
  status: "open" | "complete" | "expired";
  paymentStatus: "paid" | "unpaid" | "no_payment_required";
  orderId: string | null;
  amountTotal: number | null;
  currency: string | null;
  // What a refund names; null while unpaid, or when nothing was charged.
  paymentIntentId: string | null;
  // Where the buyer pays, while the session is open: an absolute URL, or a path on this site.
  url: string | null;
  // The method that paid, or the voucher that waits to be paid; null before either.
  paymentMethod: PaymentMethodUsed | null;
  konbiniVoucher: KonbiniVoucher | null;
};

// Stripe's own reasons for a refund, which it uses in its fraud models.
export type GatewayRefundReason = "duplicate" | "fraudulent" | "requested_by_customer";

export type RefundInput = {
  orderId: string;
  paymentIntentId: string;
  // All or part of what is left of the payment; several refunds may share one payment.
  amount: number;
  reason?: GatewayRefundReason;
  // The same key gives back the same refund, however often or concurrently it is asked.
  idempotencyKey: string;
  // A Konbini payment has no card to return money to: the buyer is asked for a bank account here.
  instructionsEmail?: string;
};

export const REFUND_STATUSES = ["pending", "requires_action", "succeeded", "failed", "canceled"] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

export type RefundSnapshot = {
  id: string;
  status: RefundStatus;
  amount: number;
  currency: string;
  // While it requires action: where the buyer gives the bank account, when the gateway leaves
  // it to the shop to pass the link on (an absolute URL, or a path on this site). Stripe emails
  // the buyer itself, so with Stripe this is null.
  actionUrl: string | null;
};

// The gateway refused the refund for good: asking again gets the same answer (the payment is not
// refundable, or not for this much). `reason` is the gateway's own words, for the person who
// settles it. A passing failure (no answer, a server error, a rate limit) is thrown instead.
export type RefundRefusal = { status: "refused"; reason: string };

export type DisputeEvidenceInput = { disputeId: string; text: string };

// Stripe's dispute statuses are open-ended strings; the shop records them as told.
export type DisputeSnapshot = { id: string; status: string; evidenceDueBy: Date | null };

export interface PaymentGateway {
  readonly provider: "local" | "stripe";
  createCheckout(input: CreateCheckoutInput): Promise<{ sessionId: string; url: string }>;
  retrieveSession(sessionId: string): Promise<CheckoutSessionSnapshot | null>;
  // Safe to repeat with the same idempotency key: one refund, however often it is asked.
  refundPayment(input: RefundInput): Promise<RefundSnapshot | RefundRefusal>;
  // Submits the shop's answer to a dispute (throws when the dispute takes none any more).
  submitDisputeEvidence(input: DisputeEvidenceInput): Promise<DisputeSnapshot>;
}

// Stripe's Checkout uses the placeholder in success_url to pass the session back.
export const SESSION_ID_PLACEHOLDER = "{CHECKOUT_SESSION_ID}";
