// What the shop needs from a payment provider. Both implementations (real Stripe and the
// local test-mode checkout) describe sessions the way Stripe's Checkout Session does, and
// both deliver their events to the same webhook route.
export type CheckoutLineItem = { name: string; unitAmount: number; quantity: number };

export type CreateCheckoutInput = {
  orderId: string;
  customerEmail: string;
  currency: string;
  lineItems: CheckoutLineItem[];
  successUrl: string;
  cancelUrl: string;
};

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
};

export type RefundInput = { orderId: string; paymentIntentId: string; amount: number };

export type RefundSnapshot = {
  id: string;
  status: "pending" | "requires_action" | "succeeded" | "failed" | "canceled";
  amount: number;
  currency: string;
};

export interface PaymentGateway {
  readonly provider: "local" | "stripe";
  createCheckout(input: CreateCheckoutInput): Promise<{ sessionId: string; url: string }>;
  retrieveSession(sessionId: string): Promise<CheckoutSessionSnapshot | null>;
  // Safe to repeat for the same order: it gives back one refund, however often it is asked.
  refundPayment(input: RefundInput): Promise<RefundSnapshot>;
}

// Stripe's Checkout uses the placeholder in success_url to pass the session back.
export const SESSION_ID_PLACEHOLDER = "{CHECKOUT_SESSION_ID}";
