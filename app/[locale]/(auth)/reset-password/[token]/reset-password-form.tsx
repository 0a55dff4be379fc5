"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormAlert } from "@/app/_components/form-alert";
import { FormField } from "@/app/_components/form-field";
import { SubmitButton } from "@/app/_components/submit-button";
import { PASSWORD_MIN_LENGTH } from "@/lib/validation/auth";
import { chooseNewPassword, type ResetPasswordState } from "./actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("PasswordReset");
  const tAuth = useTranslations("Auth");
  const [state, formAction] = useActionState(chooseNewPassword.bind(null, token), { values: {}, fieldErrors: {} } satisfies ResetPasswordState);
  return (
    <form action={formAction} noValidate className="space-y-5">
      {state.formError === "invalid_link" && <FormAlert>{t("invalidBody")}</FormAlert>}
      <FormField
        name="password"
        type="password"
        autoComplete="new-password"
        label={t("newPassword")}
        hint={tAuth("passwordHint", { min: PASSWORD_MIN_LENGTH })}
        errors={state.fieldErrors.password}
        minLength={PASSWORD_MIN_LENGTH}
        required
      />
      <SubmitButton pendingLabel={t("resetPending")}>{t("resetSubmit")}</SubmitButton>
    </form>
  );
}
