"use server";

import { headers } from "next/headers";
import { clientIp } from "@/lib/auth/client-ip";
import { requestPasswordReset } from "@/lib/accounts/password-reset";
import { forgotPasswordSchema } from "@/lib/validation/auth";
import { type FormState, fieldErrorsOf, submittedValues } from "@/lib/validation/form-state";

export type ForgotPasswordState = FormState<"email", "rate_limited"> & { requested?: boolean };

export async function forgotPassword(_previous: ForgotPasswordState, formData: FormData): Promise<ForgotPasswordState> {
  const values = submittedValues(formData, ["email"] as const);
  const parsed = forgotPasswordSchema.safeParse({ email: formData.get("email") });
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error) };
  const result = await requestPasswordReset(parsed.data.email, clientIp(await headers()));
  if (typeof result === "object")
    return { values, fieldErrors: {}, formError: "rate_limited", retryAfterSeconds: result.retryAfterSeconds };
  return { values, fieldErrors: {}, requested: true };
}
