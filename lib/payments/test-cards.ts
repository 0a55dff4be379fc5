// Stripe's test-mode card numbers and what each does, mirrored by the local checkout.
// https://docs.stripe.com/testing
export const DECLINE_CODES = [
  "generic_decline",
  "insufficient_funds",
  "expired_card",
  "incorrect_cvc",
  "processing_error",
  "authentication_failed",
  "test_mode_live_card",
] as const;

export type DeclineCode = (typeof DECLINE_CODES)[number];

export function asDeclineCode(value: string | null | undefined): DeclineCode | undefined {
  return DECLINE_CODES.find((code) => code === value);
}

// What a refund of the card's payment does, by Stripe's refund test cards: settle later, or
// succeed and later fail (the bank returned it). Other cards refund at once.
export const REFUND_BEHAVIOURS = ["pending_then_succeeded", "succeeded_then_failed"] as const;
export type RefundBehaviour = (typeof REFUND_BEHAVIOURS)[number];

export function asRefundBehaviour(value: string | null | undefined): RefundBehaviour | undefined {
  return REFUND_BEHAVIOURS.find((behaviour) => behaviour === value);
}

// What a dispute test card's payment draws, some seconds after it succeeds: a chargeback for
// fraud or for goods not received, or an inquiry (a warning, which moves no money).
export const DISPUTE_BEHAVIOURS = ["fraudulent", "product_not_received", "inquiry"] as const;
export type DisputeBehaviour = (typeof DISPUTE_BEHAVIOURS)[number];

export function asDisputeBehaviour(value: string | null | undefined): DisputeBehaviour | undefined {
  return DISPUTE_BEHAVIOURS.find((behaviour) => behaviour === value);
}

export type CardOutcome =
  | { kind: "succeeded"; refund?: RefundBehaviour; dispute?: DisputeBehaviour }
  | { kind: "requires_authentication" }
  | { kind: "declined"; code: DeclineCode };

const OUTCOMES = {
  "4242424242424242": { kind: "succeeded" },
  "5555555555554444": { kind: "succeeded" },
  "4000000000007726": { kind: "succeeded", refund: "pending_then_succeeded" },
  "4000000000005126": { kind: "succeeded", refund: "succeeded_then_failed" },
  "4000000000000259": { kind: "succeeded", dispute: "fraudulent" },
  "4000000000002685": { kind: "succeeded", dispute: "product_not_received" },
  "4000000000001976": { kind: "succeeded", dispute: "inquiry" },
  "4000000000000002": { kind: "declined", code: "generic_decline" },
  "4000000000009995": { kind: "declined", code: "insufficient_funds" },
  "4000000000000069": { kind: "declined", code: "expired_card" },
  "4000000000000127": { kind: "declined", code: "incorrect_cvc" },
  "4000000000000119": { kind: "declined", code: "processing_error" },
  "4000002760003184": { kind: "requires_authentication" },
} as const satisfies Record<string, CardOutcome>;

export type TestCard = keyof typeof OUTCOMES;

// In test mode Stripe declines any number that is not one of its test cards.
export function testCardOutcome(cardNumber: string): CardOutcome {
  return Object.hasOwn(OUTCOMES, cardNumber)
    ? OUTCOMES[cardNumber as TestCard]
    : { kind: "declined", code: "test_mode_live_card" };
}

export const TEST_CARDS = Object.keys(OUTCOMES) as TestCard[];

// The brand a receipt names, from the number's leading digits (the test cards are Visa and
// Mastercard).
export function cardBrand(cardNumber: string): "visa" | "mastercard" | "card" {
  if (cardNumber.startsWith("4")) return "visa";
  if (/^(5[1-5]|2[2-7])/.test(cardNumber)) return "mastercard";
  return "card";
}
