import type { Money } from "../money";
import { z } from "../validation/zod";

// The payment methods checkout can offer, as Stripe names them in payment_method_types.
export const PAYMENT_METHOD_TYPES = ["card", "konbini", "paypay", "alipay", "wechat_pay", "paypal"] as const;
export type PaymentMethodType = (typeof PAYMENT_METHOD_TYPES)[number];

export function asPaymentMethodType(value: string | null | undefined): PaymentMethodType | undefined {
  return PAYMENT_METHOD_TYPES.find((method) => method === value);
}

// How the buyer pays: a card form; a voucher paid later at a store; or a wallet's own page
// the buyer is sent to (on a wide screen PayPay and WeChat Pay show a QR code to scan instead).
export const METHOD_FLOW = {
  card: "card",
  konbini: "voucher",
  paypay: "redirect",
  alipay: "redirect",
  wechat_pay: "redirect",
  paypal: "redirect",
} as const satisfies Record<PaymentMethodType, "card" | "voucher" | "redirect">;

export type RedirectMethod = {
  [M in PaymentMethodType]: (typeof METHOD_FLOW)[M] extends "redirect" ? M : never;
}[PaymentMethodType];

export const REDIRECT_METHODS = PAYMENT_METHOD_TYPES.filter(
  (method): method is RedirectMethod => METHOD_FLOW[method] === "redirect",
);

export const SCANNED_ON_A_PHONE: readonly RedirectMethod[] = ["paypay", "wechat_pay"];

// Stripe's limits for the methods that have them: Konbini and PayPay take yen only, between
// these amounts. Stripe refuses a session that offers a method outside them.
const LIMITS: Partial<Record<PaymentMethodType, { currency: string; min: number; max: number }>> = {
  konbini: { currency: "JPY", min: 120, max: 300_000 },
  paypay: { currency: "JPY", min: 50, max: 1_000_000 },
};

export function methodTakes(method: PaymentMethodType, { amount, currency }: Money): boolean {
  const limit = LIMITS[method];
  return !limit || (currency === limit.currency && amount >= limit.min && amount <= limit.max);
}

// What a checkout for this amount offers: the configured methods, in their order, that can take it.
export function methodsFor(configured: readonly PaymentMethodType[], total: Money): PaymentMethodType[] {
  return configured.filter((method) => methodTakes(method, total));
}

// PAYMENT_METHODS: a comma-separated list of known methods, each once, at least one.
export const paymentMethodListSchema = z
  .string()
  .transform((value) => value.split(",").map((method) => method.trim()))
  .pipe(
    z
      .array(z.enum(PAYMENT_METHOD_TYPES, { error: `must list methods from ${PAYMENT_METHOD_TYPES.join(", ")}` }))
      .min(1, { error: "must name at least one payment method" })
      .refine((methods) => new Set(methods).size === methods.length, { error: "must name each method once" }),
  );
