import { z } from "./zod";
import { routing } from "../i18n/routing";
import { emailSchema, nameSchema, optionalPhoneSchema, PASSWORD_MAX_LENGTH } from "./auth";

export const localePreferenceSchema = z.object({
  locale: z.enum(routing.locales, { error: "locale_invalid" }),
});

// The current password is only asked for when the email changes (the server decides, since
// only it knows the address on file), so here it is optional.
export const contactDetailsSchema = z.object({
  name: nameSchema,
  email: emailSchema,
  phone: optionalPhoneSchema,
  password: z
    .string()
    .max(PASSWORD_MAX_LENGTH, { error: "password_too_long" })
    .optional()
    .transform((password) => password || undefined),
});

export type ContactDetailsInput = z.infer<typeof contactDetailsSchema>;
