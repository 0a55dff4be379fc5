// The local checkout's other forms (Konbini details, a wallet's authorization, the bank
// account a Konbini refund is paid to), checked in the browser and again on the server.
import { REDIRECT_METHODS } from "../payments/methods";
import { checkoutSessionIdSchema } from "./checkout";
import { z } from "./zod";

const digits = (value: string) => value.replace(/[\s-]/g, "");

// A name as a store's till shows it: letters of any script, with the spaces, dots, hyphens and
// long vowel marks names use; no digits or symbols.
const personName = z
  .string({ error: "name_required" })
  .trim()
  .min(1, { error: "name_required" })
  .max(50, { error: "name_too_long" })
  .regex(/^(\p{L}[\p{L}\p{M} '’.\-・ー\u3000]*)?$/u, { error: "name_invalid" });

export const konbiniDetailsSchema = z.object({
  sessionId: checkoutSessionIdSchema,
  name: personName,
  email: z
    .string()
    .trim()
    .pipe(z.email({ error: "email_invalid" })),
  // Stripe's confirmation number, which Checkout takes from the phone: 10 or 11 digits, not all zeros.
  phone: z
    .string()
    .transform(digits)
    .pipe(
      z
        .string()
        .regex(/^(\d{10,11})?$/, { error: "konbini_phone_invalid" })
        .refine((value) => !/^0+$/.test(value), { error: "konbini_phone_invalid" }),
    )
    .transform((value) => value || undefined)
    .optional(),
});

export type KonbiniDetails = Omit<z.infer<typeof konbiniDetailsSchema>, "sessionId">;

export const redirectMethodSchema = z.enum(REDIRECT_METHODS, { error: "method_unavailable" });

export const redirectChoiceSchema = z.object({ sessionId: checkoutSessionIdSchema, method: redirectMethodSchema });

export const cancelRedirectSchema = z.object({ sessionId: checkoutSessionIdSchema });

// The authorization page's link: 32 random bytes, base64url.
export const authorizationTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export const authorizationAnswerSchema = z.object({
  token: authorizationTokenSchema,
  answer: z.enum(["authorize", "fail"]),
  // Opened from the QR code: the buyer's own screen is elsewhere, so this page says so.
  scanned: z.enum(["1"]).optional(),
});

// A Japanese bank account: bank code (4 digits), branch code (3), account number (7).
export const bankAccountSchema = z.object({
  token: authorizationTokenSchema,
  bankCode: z
    .string()
    .transform(digits)
    .pipe(z.string().regex(/^\d{4}$/, { error: "bank_code_invalid" })),
  branchCode: z
    .string()
    .transform(digits)
    .pipe(z.string().regex(/^\d{3}$/, { error: "branch_code_invalid" })),
  accountType: z.enum(["ordinary", "current"], { error: "account_type_invalid" }),
  accountNumber: z
    .string()
    .transform(digits)
    .pipe(z.string().regex(/^\d{7}$/, { error: "account_number_invalid" })),
  holderName: personName,
});

export type BankAccount = Omit<z.infer<typeof bankAccountSchema>, "token">;
