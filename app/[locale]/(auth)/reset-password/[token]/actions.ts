"use server";

import { getLocale } from "next-intl/server";
import { redirect } from "next/navigation";
import { resetPassword } from "@/lib/accounts/password-reset";
import { resetPasswordSchema } from "@/lib/validation/auth";
import { type FormState, fieldErrorsOf } from "@/lib/validation/form-state";

export type ResetPasswordState = FormState<"password", "invalid_link">;

export async function chooseNewPassword(
  token: string,
  _previous: ResetPasswordState,
  formData: FormData,
): Promise<ResetPasswordState> {
  const parsed = resetPasswordSchema.safeParse({ password: formData.get("password") });
  if (!parsed.success) return { values: {}, fieldErrors: fieldErrorsOf(parsed.error) };
  if ((await resetPassword(token, parsed.data.password)) === "invalid")
    return { values: {}, fieldErrors: {}, formError: "invalid_link" };
  redirect(`/${await getLocale()}/login?reset=1`);
}
