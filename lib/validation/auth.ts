// Shared by the forms (checked before submitting) and the server actions (checked again,
// since a request can bypass the form). Error messages are message keys under `errors.`.
import { z } from "./zod";

export const PASSWORD_MIN_LENGTH = 10;
// argon2 hashing time grows with input; a cap keeps a huge password from being a cheap DoS.
export const PASSWORD_MAX_LENGTH = 128;

export const emailSchema = z
  .string({ error: "email_required" })
  .trim()
  .min(1, { error: "email_required" })
  .max(254, { error: "email_too_long" })
  .pipe(z.email({ error: "email_invalid" }))
  .transform((email) => email.toLowerCase());

export const passwordSchema = z
  .string({ error: "password_required" })
  .min(PASSWORD_MIN_LENGTH, { error: "password_too_short" })
  .max(PASSWORD_MAX_LENGTH, { error: "password_too_long" });

// Accepts the spaces, dashes and brackets people type and stores plain E.164.
export const phoneSchema = z
  .string()
  .max(24, { error: "phone_invalid" })
  .transform((phone) => phone.replace(/[\s\-()]/g, ""))
  .pipe(z.e164({ error: "phone_invalid" }));

export const nameSchema = z
  .string({ error: "name_required" })
  .trim()
  .min(1, { error: "name_required" })
  .max(100, { error: "name_too_long" });

// A blank phone field means "no phone number".
export const optionalPhoneSchema = z
  .string()
  .optional()
  .transform((phone) => phone?.trim() || undefined)
  .pipe(phoneSchema.optional());

export const registerSchema = z.object({
  name: nameSchema,
  email: emailSchema,
  password: passwordSchema,
  phone: optionalPhoneSchema,
});

export const loginSchema = z.object({
  email: emailSchema,
  password: z
    .string({ error: "password_required" })
    .min(1, { error: "password_required" })
    .max(PASSWORD_MAX_LENGTH, { error: "password_too_long" }),
});

// The password typed to confirm a sensitive change is checked against the account, so only its
// presence and the hashing cap apply.
export const currentPasswordSchema = z
  .string({ error: "current_password_required" })
  .min(1, { error: "current_password_required" })
  .max(PASSWORD_MAX_LENGTH, { error: "password_too_long" });

// The new password follows the registration rules and must be typed the same twice.
export const changePasswordSchema = z
  .object({
    currentPassword: currentPasswordSchema,
    newPassword: passwordSchema,
    confirmPassword: z
      .string({ error: "password_confirmation_required" })
      .min(1, { error: "password_confirmation_required" }),
  })
  .refine(({ newPassword, confirmPassword }) => newPassword === confirmPassword, {
    error: "password_mismatch",
    path: ["confirmPassword"],
    when: (payload) => payload.issues.every((issue) => issue.path?.[0] !== "confirmPassword"),
  });

export const forgotPasswordSchema = z.object({ email: emailSchema });
// The token of an emailed link (lib/accounts/tokens.ts makes them), carried by the link's form.
export const linkTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export const resetPasswordSchema = z.object({ token: linkTokenSchema, password: passwordSchema });
export const restoreEmailSchema = z.object({ token: linkTokenSchema });

// Only same-site absolute paths: "//evil.test" and "https://…" would be open redirects.
export const redirectPathSchema = z
  .string()
  .max(2048)
  .regex(/^\/(?![/\\])[^\s]*$/);

export type RegisterInput = z.infer<typeof registerSchema>;
export type LoginInput = z.infer<typeof loginSchema>;
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
export type FieldErrors<Input> = Partial<Record<keyof Input, string[]>>;

export function optionalRedirectPath(value: unknown): string | undefined {
  const parsed = redirectPathSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

export function safeRedirectPath(value: unknown, fallback: string): string {
  return optionalRedirectPath(value) ?? fallback;
}
