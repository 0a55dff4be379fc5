import type { PaymentMethodUsed } from "../payments/gateway";

// What the order records of its payment, as the receipt and order pages name it.
export function paymentMethodOfOrder(order: {
  paymentMethod: string | null;
  paymentDetails: unknown;
}): PaymentMethodUsed | undefined {
  if (!order.paymentMethod) return undefined;
  return { type: order.paymentMethod, ...(order.paymentDetails as object) } as PaymentMethodUsed;
}
