"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormAlert } from "@/app/_components/form-alert";
import { NewPasswordField } from "@/app/_components/new-password-field";
import { SubmitButton } from "@/app/_components/submit-button";
import { chooseNewPassword, type ResetPasswordState } from "./actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("PasswordReset");
  const [state, formAction] = useActionState(chooseNewPassword, {
    values: {},
    fieldErrors: {},
  } satisfies ResetPasswordState);
  return (
    <form action={formAction} noValidate className="space-y-5">
      <input type="hidden" name="token" value={token} />
      {state.formError === "invalid_link" && <FormAlert>{t("invalidBody")}</FormAlert>}
      <NewPasswordField name="password" label={t("newPassword")} errors={state.fieldErrors.password} />
      <SubmitButton pendingLabel={t("resetPending")}>{t("resetSubmit")}</SubmitButton>
    </form>
  );
}
