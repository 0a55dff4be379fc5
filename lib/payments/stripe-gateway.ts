import "server-only";
import Stripe from "stripe";
import { env } from "../env";
import {
  type CheckoutSessionSnapshot,
  type PaymentGateway,
  type PaymentMethodUsed,
  REFUND_STATUSES,
  type RefundRefusal,
  type RefundSnapshot,
} from "./gateway";
import { KONBINI_STORES, type KonbiniVoucher } from "./konbini";
import { asPaymentMethodType } from "./methods";

type StripeConnection = Pick<Stripe.StripeConfig, "host" | "port" | "protocol">;

const STATUSES = ["open", "complete", "expired"] as const;
const PAYMENT_STATUSES = ["paid", "unpaid", "no_payment_required"] as const;

const expandedIntent = (session: Stripe.Checkout.Session) =>
  typeof session.payment_intent === "object" ? session.payment_intent : null;

// From the charge that paid: a card's brand and last digits, the store a voucher was paid at.
function methodUsed(intent: Stripe.PaymentIntent | null): PaymentMethodUsed | null {
  const charge = typeof intent?.latest_charge === "object" ? intent.latest_charge : null;
  const details = charge?.payment_method_details;
  const type = asPaymentMethodType(details?.type);
  if (!details || !type) return null;
  if (type === "card") return { type, brand: details.card?.brand ?? "card", last4: details.card?.last4 ?? "" };
  if (type === "konbini") {
    const store = KONBINI_STORES.find((chain) => chain === details.konbini?.store?.chain) ?? null;
    return { type, store };
  }
  return { type };
}

// The voucher Stripe shows while a Konbini payment waits (next_action.konbini_display_details).
function voucherOf(intent: Stripe.PaymentIntent | null): KonbiniVoucher | null {
  const display = intent?.next_action?.konbini_display_details;
  if (!intent || !display) return null;
  const { stores } = display;
  return {
    confirmationNumber: stores.familymart?.confirmation_number ?? stores.lawson?.confirmation_number ?? "",
    paymentCodes: Object.fromEntries(
      KONBINI_STORES.map((store) => [store, stores[store]?.payment_code ?? ""]),
    ) as KonbiniVoucher["paymentCodes"],
    amount: intent.amount,
    currency: intent.currency.toUpperCase(),
    expiresAt: new Date(display.expires_at * 1000).toISOString(),
    hostedVoucherUrl: display.hosted_voucher_url ?? undefined,
  };
}

// Stripe's enums are open-ended; anything new is treated as open and not (yet) paid.
function snapshot(session: Stripe.Checkout.Session): CheckoutSessionSnapshot {
  const intent = expandedIntent(session);
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
    paymentMethod: session.payment_status === "paid" ? methodUsed(intent) : null,
    konbiniVoucher: session.payment_status === "unpaid" ? voucherOf(intent) : null,
  };
}

// A refund Stripe reports in a status this code does not know yet is still in progress.
function refundSnapshot(refund: Stripe.Refund): RefundSnapshot {
  return {
    id: refund.id,
    status: REFUND_STATUSES.find((s) => s === refund.status) ?? "pending",
    amount: refund.amount,
    currency: refund.currency.toUpperCase(),
    // Stripe emails the buyer itself (instructions_email) to collect a bank account.
    actionUrl: null,
  };
}

// Stripe's refusals that asking again cannot change: a request it found invalid (already
// refunded, more than is left, no such payment) or that this account may not make. Rate limits
// and lock timeouts (429), idempotency conflicts (a concurrent request with the same key) and
// errors without an answer pass, so they are thrown and the refund is asked again; so is an
// invalid key (401), the shop's own configuration, after whose fix the retries go through.
function refusalOf(error: unknown): RefundRefusal | null {
  if (!(error instanceof Stripe.errors.StripeError) || error instanceof Stripe.errors.StripeIdempotencyError)
    return null;
  const status = error.statusCode ?? 0;
  if (status < 400 || status >= 500 || [401, 409, 429].includes(status) || error.code === "lock_timeout") return null;
  return { status: "refused", reason: [error.code, error.message].filter(Boolean).join(": ").slice(0, 300) };
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
          // The SDK's API version names the explicit list this way (payment_method_types was
          // retired from session creation); Stripe offers exactly these, where eligible.
          allowed_payment_method_types: input.paymentMethodTypes,
          payment_method_options: {
            ...(input.paymentMethodTypes.includes("konbini") && {
              konbini: { expires_after_days: env().KONBINI_EXPIRES_AFTER_DAYS },
            }),
            // Checkout shows WeChat Pay's QR code on the web.
            ...(input.paymentMethodTypes.includes("wechat_pay") && { wechat_pay: { client: "web" } }),
          },
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
        return snapshot(
          await stripe.checkout.sessions.retrieve(sessionId, { expand: ["payment_intent.latest_charge"] }),
        );
      } catch (error) {
        if (error instanceof Stripe.errors.StripeInvalidRequestError && error.statusCode === 404) return null;
        throw error;
      }
    },
    async refundPayment(input) {
      try {
        const refund = await stripe.refunds.create(
          {
            payment_intent: input.paymentIntentId,
            amount: input.amount,
            metadata: { orderId: input.orderId },
            ...(input.reason && { reason: input.reason }),
            ...(input.instructionsEmail && { instructions_email: input.instructionsEmail }),
          },
          // A retried or concurrent request gets the first refund back.
          { idempotencyKey: input.idempotencyKey },
        );
        return refundSnapshot(refund);
      } catch (error) {
        const refusal = refusalOf(error);
        if (refusal) return refusal;
        throw error;
      }
    },
    async submitDisputeEvidence({ disputeId, text }) {
      // submit: true sends it to the bank now (Stripe otherwise keeps it as a draft until the
      // deadline); in test mode the texts winning_evidence / losing_evidence decide the outcome.
      const dispute = await stripe.disputes.update(disputeId, {
        evidence: { uncategorized_text: text },
        submit: true,
      });
      const dueBy = dispute.evidence_details.due_by;
      return { id: dispute.id, status: dispute.status, evidenceDueBy: dueBy ? new Date(dueBy * 1000) : null };
    },
  };
}
