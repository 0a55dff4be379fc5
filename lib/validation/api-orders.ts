import { z } from "./zod";
import { routing } from "../i18n/routing";
import { MAX_QUANTITY } from "../orders/pricing";
import { type TestCard, TEST_CARDS, testCardOutcome } from "../payments/test-cards";
import { planSlugSchema } from "./catalog";

// Bodies of the API's purchases. Messages go to integrators as they are, so each names its field.

// A script cannot answer a 3-D Secure challenge, so the one card that asks for it is left out.
export const API_TEST_CARDS = TEST_CARDS.filter((card) => testCardOutcome(card).kind !== "requires_authentication") as [
  TestCard,
  ...TestCard[],
];
export const DEFAULT_API_TEST_CARD: TestCard = "4242424242424242";

const paymentFields = {
  payment: z
    .enum(["checkout", "test_card"], { error: 'payment must be "checkout" or "test_card".' })
    .default("checkout")
    .meta({
      description:
        "`checkout` answers a `checkout_url` for the end user to pay. `test_card` (sandbox only) pays at once with `test_card`, so scripted tests need no browser.",
    }),
  test_card: z
    .enum(API_TEST_CARDS, { error: `test_card must be one of Stripe's test cards: ${API_TEST_CARDS.join(", ")}.` })
    .optional()
    .meta({
      description:
        "The Stripe test card that pays, with `payment: test_card`; 4242424242424242 (succeeds) when left out. Decline cards (4000000000000002, 4000000000009995, …) answer 402 and leave the order unpaid.",
    }),
  locale: z
    .enum(routing.locales, { error: `locale must be one of ${routing.locales.join(", ")}.` })
    .default(routing.defaultLocale)
    .meta({ description: "The language of the checkout's return pages and the buyer's emails." }),
};

const withCardOnlyForTestCard = <Body extends { payment: string; test_card?: string }>(body: Body) =>
  body.test_card === undefined || body.payment === "test_card";
const cardRule = { path: ["test_card"], error: 'test_card is given only with payment "test_card".' };

const objectOnly = {
  error: (issue: { code: string; keys?: string[] }) =>
    issue.code === "invalid_type"
      ? "The body must be a JSON object."
      : issue.code === "unrecognized_keys"
        ? `Unknown field: ${issue.keys?.[0]}.`
        : undefined,
};

export const apiOrderBody = z.strictObject(
  {
    plan: planSlugSchema.meta({ description: "The plan's id (its slug).", examples: ["au-1gb-3d"] }),
    quantity: z
      .int({ error: `quantity must be a whole number from 1 to ${MAX_QUANTITY}.` })
      .min(1, { error: `quantity must be a whole number from 1 to ${MAX_QUANTITY}.` })
      .max(MAX_QUANTITY, { error: `quantity must be a whole number from 1 to ${MAX_QUANTITY}.` })
      .default(1),
    promo_code: z
      .string({ error: "promo_code must be a string." })
      .trim()
      .regex(/^[A-Za-z0-9_-]{1,40}$/, { error: "promo_code must be 1 to 40 letters, digits, _ or -." })
      .optional(),
    ...paymentFields,
  },
  objectOnly,
);

export const apiOrderSchema = apiOrderBody.refine(withCardOnlyForTestCard, cardRule).transform((body) => ({
  planSlug: body.plan,
  quantity: body.quantity,
  promoCode: body.promo_code?.toUpperCase(),
  payment: body.payment,
  testCard: body.test_card ?? DEFAULT_API_TEST_CARD,
  locale: body.locale,
}));

export const apiTopUpBody = z.strictObject(
  {
    topup: z
      .string({ error: "topup must be the id of one of the eSIM's top-up packs." })
      .regex(/^[a-z0-9-]{1,80}$/, { error: "topup must be the id of one of the eSIM's top-up packs." })
      .meta({ description: "The pack's id (its slug).", examples: ["au-topup-1gb-7d"] }),
    ...paymentFields,
  },
  objectOnly,
);

export const apiTopUpSchema = apiTopUpBody.refine(withCardOnlyForTestCard, cardRule).transform((body) => ({
  packSlug: body.topup,
  payment: body.payment,
  testCard: body.test_card ?? DEFAULT_API_TEST_CARD,
  locale: body.locale,
}));

export type ApiPayment = { payment: "checkout" | "test_card"; testCard: TestCard };
