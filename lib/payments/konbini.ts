import { endOfJstDay } from "../time/jst";

// Stripe's Konbini, as the local checkout mirrors it: the stores a voucher is paid at, the
// deadline, and the test values that decide what happens to a voucher.
// https://docs.stripe.com/payments/konbini/accept-a-payment#test-your-integration
export const KONBINI_STORES = ["familymart", "lawson", "ministop", "seicomart"] as const;
export type KonbiniStore = (typeof KONBINI_STORES)[number];

export type KonbiniVoucher = {
  // The number the buyer reads out at the till (a phone number they gave, or one made up).
  confirmationNumber: string;
  // Each store chain's own payment number.
  paymentCodes: Record<KonbiniStore, string>;
  amount: number;
  currency: string;
  // ISO instant: 23:59:59 JST on the last day.
  expiresAt: string;
  // Stripe's own printable voucher, where Stripe is the gateway.
  hostedVoucherUrl?: string;
};

export type KonbiniOutcome =
  "paid_after_delay" | "paid_immediately" | "expires_immediately" | "expires_after_delay" | "never_paid";

// Stripe's test confirmation numbers; one of these wins over whatever the email says.
const BY_CONFIRMATION_NUMBER: Record<string, KonbiniOutcome> = {
  "11111111110": "paid_after_delay",
  "22222222220": "paid_immediately",
  "33333333330": "expires_immediately",
  "44444444440": "expires_after_delay",
  "55555555550": "never_paid",
};

// Stripe's test email local parts (the part before the @ ends with one of these).
const BY_EMAIL: [suffix: string, outcome: KonbiniOutcome][] = [
  ["succeed_immediately", "paid_immediately"],
  ["expire_immediately", "expires_immediately"],
  ["expire_with_delay", "expires_after_delay"],
  ["fill_never", "never_paid"],
];

export function konbiniTestOutcome(email: string, confirmationNumber?: string): KonbiniOutcome {
  const byNumber = confirmationNumber ? BY_CONFIRMATION_NUMBER[confirmationNumber] : undefined;
  if (byNumber) return byNumber;
  const localPart = email.slice(0, email.lastIndexOf("@")).toLowerCase();
  return BY_EMAIL.find(([suffix]) => localPart.endsWith(suffix))?.[1] ?? "paid_after_delay";
}

// What "after 3 minutes" means in Stripe's table, before any sandbox time scale.
export const KONBINI_TEST_DELAY_MS = 3 * 60_000;

// A voucher can still be paid a little after its deadline, so failure is announced after it.
export const KONBINI_PAYMENT_BUFFER_MS = 10 * 60_000;

// expires_after_days counts calendar days in Japan: a voucher issued on a Monday with 2 days
// expires on Wednesday at 23:59:59 JST (to the second, as Stripe's expires_at is).
export function konbiniDeadline(issuedAt: Date, expiresAfterDays: number): Date {
  return new Date(Math.floor(endOfJstDay(issuedAt, expiresAfterDays).getTime() / 1000) * 1000);
}
