"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/app/_components/form-alert";
import { CurrentPasswordField } from "@/app/_components/current-password-field";
import { FormField } from "@/app/_components/form-field";
import { NewPasswordField } from "@/app/_components/new-password-field";
import { SubmitButton } from "@/app/_components/submit-button";
import { useCheckedAction } from "@/app/_lib/use-checked-action";
import { changePasswordSchema } from "@/lib/validation/auth";
import { type ChangePasswordState, changeOwnPassword } from "./security-actions";

const initialState: ChangePasswordState = { values: {}, fieldErrors: {} };

export function ChangePasswordForm({ email }: { email: string }) {
  const t = useTranslations("Account");
  const tAuth = useTranslations("Auth");
  const { state, formAction, fieldErrors, onSubmit } = useCheckedAction(
    changePasswordSchema,
    changeOwnPassword,
    initialState,
  );
  const minutes = Math.ceil((state.retryAfterSeconds ?? 0) / 60);

  return (
    <form action={formAction} noValidate className="space-y-5" onSubmit={onSubmit}>
      {state.formError === "rate_limited" && <FormAlert>{tAuth("rateLimited", { minutes })}</FormAlert>}
      {/* Tells password managers which account the new password belongs to. */}
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      <CurrentPasswordField name="currentPassword" label={t("currentPassword")} errors={fieldErrors.currentPassword} />
      <NewPasswordField name="newPassword" label={t("newPassword")} errors={fieldErrors.newPassword} />
      <FormField
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        label={t("confirmPassword")}
        errors={fieldErrors.confirmPassword}
        required
      />
      <SubmitButton pendingLabel={t("changePasswordPending")}>{t("changePasswordSubmit")}</SubmitButton>
    </form>
  );
}
