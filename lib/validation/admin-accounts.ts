import { z } from "./zod";
import { emailSchema } from "./auth";

// The console's eSIM and customer forms, checked in the browser and again in the server
// action. Error messages are message keys under `Errors.`. Ids are hidden fields: only a forged
// request gets one wrong, and it is answered 404 (the actions' `identifiers`).

const recordIdSchema = z.string().regex(/^[a-z0-9]{20,40}$/);

export const staffEsimSchema = z.object({ esimId: recordIdSchema });

// Left empty, the email goes to the account's address; otherwise to the corrected one typed.
export const staffResendActivationSchema = staffEsimSchema.extend({
  email: z.preprocess((value) => (value === "" ? undefined : value), emailSchema.optional()),
});

export const staffSuspendSchema = staffEsimSchema.extend({
  reason: z
    .string()
    .trim()
    .max(500, { error: "suspend_reason_too_long" })
    .optional()
    .transform((reason) => reason || null),
});

// Revoking cannot be undone: the form's box must be ticked.
export const staffRevokeSchema = staffEsimSchema.extend({
  confirm: z.literal("on", { error: "revoke_unconfirmed" }),
});

export const staffCustomerSchema = z.object({ userId: recordIdSchema });

// Without a token id, every active token of the account.
export const staffRevokeTokensSchema = staffCustomerSchema.extend({
  tokenId: z.preprocess((value) => (value === "" ? undefined : value), recordIdSchema.optional()),
});

export const staffCorrectEmailSchema = staffCustomerSchema.extend({ email: emailSchema });

export const staffRoleSchema = staffCustomerSchema.extend({
  role: z.enum(["CUSTOMER", "SUPPORT", "ADMIN"], { error: "role_invalid" }),
});
