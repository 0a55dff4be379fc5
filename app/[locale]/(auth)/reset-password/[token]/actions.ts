"use server";

import { redirect } from "next/navigation";
import { type ActionReply, publicAction } from "@/app/_lib/form-action";
import { resetPassword } from "@/lib/accounts/password-reset";
import { resetPasswordSchema } from "@/lib/validation/auth";
import type { FormState } from "@/lib/validation/form-state";

export type ResetPasswordState = FormState<"password", "invalid_link">;

// Whoever holds the emailed link (signed in or not) chooses the new password.
export const chooseNewPassword = publicAction(
  { schema: resetPasswordSchema, identifiers: ["token"] },
  async ({ token, password }, { locale }): Promise<ActionReply<ResetPasswordState>> => {
    const result = await resetPassword(token, password);
    if (result.status === "invalid_link") return { formError: "invalid_link" };
    redirect(`/${locale}/login?reset=1`);
  },
);
