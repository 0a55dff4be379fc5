import "server-only";
import { env } from "../env";
import type { PaymentGateway } from "./gateway";
import { localGateway } from "./local-gateway";
import { stripeGateway } from "./stripe-gateway";

let gateway: PaymentGateway | undefined;

// Real Stripe when a secret key is configured, otherwise the local test-mode checkout.
export function paymentGateway(): PaymentGateway {
  const key = env().STRIPE_SECRET_KEY;
  gateway ??= key ? stripeGateway(key) : localGateway;
  return gateway;
}
