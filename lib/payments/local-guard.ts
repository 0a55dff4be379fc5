import "server-only";
import { env } from "../env";

// The local checkout takes no money and signs its own events: never in production, and never
// next to a live Stripe key.
export function localCheckoutAllowed(): boolean {
  const { APP_ENV, STRIPE_SECRET_KEY } = env();
  return APP_ENV !== "production" && !STRIPE_SECRET_KEY?.startsWith("sk_live_");
}

export function assertLocalCheckoutAllowed(): void {
  if (!localCheckoutAllowed()) {
    throw new Error("The local test-mode checkout refuses to run in production or with a live Stripe key");
  }
}

export function localCheckoutPath(sessionId: string): string {
  return `/checkout/local/${sessionId}`;
}
