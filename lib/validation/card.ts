// The local test-mode checkout's card form, checked in the browser and again on the server.
import { z } from "./zod";
import { passesLuhn } from "../esim/luhn";
import { checkoutSessionIdSchema } from "./checkout";

export function expiryIsPast(month: number, year: number, now: Date): boolean {
  // A card is valid through the last day of its expiry month.
  const fullYear = 2000 + year;
  return fullYear < now.getUTCFullYear() || (fullYear === now.getUTCFullYear() && month < now.getUTCMonth() + 1);
}

export const cardSchema = z
  .object({
    cardNumber: z
      .string({ error: "card_number_required" })
      .transform((value) => value.replace(/[\s-]/g, ""))
      .pipe(
        z
          .string()
          .min(1, { error: "card_number_required" })
          .regex(/^\d{12,19}$/, { error: "card_number_invalid" })
          .refine(passesLuhn, { error: "card_number_invalid" }),
      ),
    expiry: z
      .string({ error: "expiry_required" })
      .trim()
      .regex(/^(0[1-9]|1[0-2])\s*\/\s*(\d{2})$/, { error: "expiry_invalid" }),
    cvc: z
      .string({ error: "cvc_required" })
      .trim()
      .regex(/^\d{3,4}$/, { error: "cvc_invalid" }),
    cardholder: z.string().trim().max(100, { error: "name_too_long" }).optional(),
  })
  .superRefine(({ expiry }, context) => {
    const match = /^(\d{2})\s*\/\s*(\d{2})$/.exec(expiry);
    if (match && expiryIsPast(Number(match[1]), Number(match[2]), new Date())) {
      context.addIssue({ code: "custom", path: ["expiry"], message: "expiry_past" });
    }
  });

export type CardInput = z.infer<typeof cardSchema>;

// The form names its checkout session; the server checks it is the buyer's own.
export const cardPaymentSchema = cardSchema.safeExtend({ sessionId: checkoutSessionIdSchema });

export const challengeAnswerSchema = z.object({
  sessionId: checkoutSessionIdSchema,
  answer: z.enum(["complete", "fail"]),
});
