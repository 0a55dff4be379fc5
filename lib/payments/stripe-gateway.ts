import "server-only";
import Stripe from "stripe";
import type { CheckoutSessionSnapshot, PaymentGateway, RefundSnapshot } from "./gateway";

type StripeConnection = Pick<Stripe.StripeConfig, "host" | "port" | "protocol">;

const STATUSES = ["open", "complete", "expired"] as const;
const PAYMENT_STATUSES = ["paid", "unpaid", "no_payment_required"] as const;
const REFUND_STATUSES = ["pending", "requires_action", "succeeded", "failed", "canceled"] as const;

// Stripe's enums are open-ended; anything new is treated as open and not (yet) paid.
function snapshot(session: Stripe.Checkout.Session): CheckoutSessionSnapshot {
  return {
    id: session.id,
    status: STATUSES.find((s) => s === session.status) ?? "open",
    paymentStatus: PAYMENT_STATUSES.find((s) => s === session.payment_status) ?? "unpaid",
    orderId: session.client_reference_id,
    amountTotal: session.amount_total,
    currency: session.currency?.toUpperCase() ?? null,
    paymentIntentId:
      typeof session.payment_intent === "string" ? session.payment_intent : (session.payment_intent?.id ?? null),
    url: session.url,
  };
}

// A refund Stripe reports in a status this code does not know yet is still in progress.
function refundSnapshot(refund: Stripe.Refund): RefundSnapshot {
  return {
    id: refund.id,
    status: REFUND_STATUSES.find((s) => s === refund.status) ?? "pending",
    amount: refund.amount,
    currency: refund.currency.toUpperCase(),
  };
}

// `connection` points the SDK somewhere other than api.stripe.com (tests use a loopback server).
export function stripeGateway(secretKey: string, connection: StripeConnection = {}): PaymentGateway {
  const stripe = new Stripe(secretKey, { maxNetworkRetries: 2, ...connection });
  return {
    provider: "stripe",
    async createCheckout(input) {
      const session = await stripe.checkout.sessions.create(
        {
          mode: "payment",
          client_reference_id: input.orderId,
          customer_email: input.customerEmail,
          metadata: { orderId: input.orderId },
          payment_intent_data: { metadata: { orderId: input.orderId } },
          line_items: input.lineItems.map((item) => ({
            quantity: item.quantity,
            price_data: {
              // Amounts are already minor units; JPY is zero-decimal in Stripe too.
              currency: input.currency.toLowerCase(),
              unit_amount: item.unitAmount,
              product_data: { name: item.name },
            },
          })),
          success_url: input.successUrl,
          cancel_url: input.cancelUrl,
        },
        // One Checkout Session per order, however often the request is retried.
        { idempotencyKey: `checkout-order-${input.orderId}` },
      );
      if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a URL`);
      return { sessionId: session.id, url: session.url };
    },
    async retrieveSession(sessionId) {
      try {
        return snapshot(await stripe.checkout.sessions.retrieve(sessionId));
      } catch (error) {
        if (error instanceof Stripe.errors.StripeInvalidRequestError && error.statusCode === 404) return null;
        throw error;
      }
    },
    async refundPayment(input) {
      const refund = await stripe.refunds.create(
        { payment_intent: input.paymentIntentId, amount: input.amount, metadata: { orderId: input.orderId } },
        // One refund per order: a retried or concurrent request gets the first one back.
        { idempotencyKey: `refund-order-${input.orderId}` },
      );
      return refundSnapshot(refund);
    },
  };
}
