import "server-only";
import { db } from "../db/client";
import { env } from "../env";
import type { CheckoutSessionSnapshot, PaymentGateway, RefundSnapshot } from "./gateway";
import { stripeStyleId } from "./local-events";

export const LOCAL_SESSION_LIFETIME_MS = 24 * 60 * 60 * 1000;

// The local checkout takes no money and signs its own events: never in production, and never
// next to a live Stripe key.
export function assertLocalCheckoutAllowed(): void {
  const { APP_ENV, STRIPE_SECRET_KEY } = env();
  if (APP_ENV === "production" || STRIPE_SECRET_KEY?.startsWith("sk_live_")) {
    throw new Error("The local test-mode checkout refuses to run in production or with a live Stripe key");
  }
}

export function localCheckoutPath(sessionId: string): string {
  return `/checkout/local/${sessionId}`;
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
    };
  },
  async refundPayment({ paymentIntentId, amount }): Promise<RefundSnapshot> {
    assertLocalCheckoutAllowed();
    // Conditional on no refund yet, so repeated or concurrent requests leave one refund.
    await db.localCheckoutSession.updateMany({
      where: { paymentIntentId, paymentStatus: "paid", refundId: null, amountTotal: { gte: amount } },
      data: { refundId: stripeStyleId("re"), amountRefunded: amount, refundedAt: new Date() },
    });
    const session = await db.localCheckoutSession.findUnique({ where: { paymentIntentId } });
    if (!session?.refundId) throw new Error(`No refundable local payment ${paymentIntentId} of ${amount}`);
    return { id: session.refundId, status: "succeeded", amount: session.amountRefunded, currency: session.currency };
  },
};
