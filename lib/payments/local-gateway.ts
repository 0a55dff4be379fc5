import "server-only";
import type { LocalCheckoutSession } from "@prisma/client";
import { db } from "../db/client";
import type { CheckoutSessionSnapshot, PaymentGateway, PaymentMethodUsed } from "./gateway";
import type { KonbiniStore, KonbiniVoucher } from "./konbini";
import { stripeStyleId } from "./local-events";
import { assertLocalCheckoutAllowed, localCheckoutPath } from "./local-guard";
import { submitLocalDisputeEvidence } from "./local-disputes";
import { refundLocalPayment } from "./local-refunds";
import { localWebhookOrigin } from "./local-session";
import { asPaymentMethodType } from "./methods";

export const LOCAL_SESSION_LIFETIME_MS = 24 * 60 * 60 * 1000;

// What a receipt names of the payment; the Konbini buyer's name and email stay in the checkout.
function methodUsed(session: LocalCheckoutSession): PaymentMethodUsed | null {
  const details = (session.paymentDetails ?? {}) as { brand?: string; last4?: string; store?: KonbiniStore };
  const method = asPaymentMethodType(session.paymentMethod);
  if (!method) return null;
  if (method === "card") return { type: "card", brand: details.brand ?? "card", last4: details.last4 ?? "" };
  if (method === "konbini") return { type: "konbini", store: details.store ?? null };
  return { type: method };
}

export const localGateway: PaymentGateway = {
  provider: "local",
  async createCheckout(input) {
    assertLocalCheckoutAllowed();
    const id = stripeStyleId("cs_test");
    await db.localCheckoutSession.create({
      data: {
        id,
        orderId: input.orderId,
        amountTotal: input.lineItems.reduce((sum, item) => sum + item.unitAmount * item.quantity, 0),
        currency: input.currency,
        customerEmail: input.customerEmail,
        lineItems: input.lineItems,
        paymentMethodTypes: input.paymentMethodTypes,
        successUrl: input.successUrl,
        cancelUrl: input.cancelUrl,
        expiresAt: new Date(Date.now() + LOCAL_SESSION_LIFETIME_MS),
      },
    });
    return { sessionId: id, url: localCheckoutPath(id) };
  },
  async retrieveSession(sessionId): Promise<CheckoutSessionSnapshot | null> {
    assertLocalCheckoutAllowed();
    const session = await db.localCheckoutSession.findUnique({ where: { id: sessionId } });
    if (!session) return null;
    return {
      id: session.id,
      status: session.status === "COMPLETE" ? "complete" : session.status === "EXPIRED" ? "expired" : "open",
      paymentStatus: session.paymentStatus === "paid" ? "paid" : "unpaid",
      orderId: session.orderId,
      amountTotal: session.amountTotal,
      currency: session.currency,
      paymentIntentId: session.paymentIntentId,
      url: session.status === "OPEN" ? localCheckoutPath(session.id) : null,
      paymentMethod: methodUsed(session),
      // Shown while it waits to be paid, as Stripe's next_action shows it.
      konbiniVoucher: session.paymentStatus === "unpaid" ? (session.konbiniVoucher as KonbiniVoucher | null) : null,
    };
  },
  refundPayment: refundLocalPayment,
  submitDisputeEvidence: (input) => submitLocalDisputeEvidence(input, localWebhookOrigin()),
};
