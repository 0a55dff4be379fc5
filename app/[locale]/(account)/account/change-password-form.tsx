"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { FormAlert } from "@/app/_components/form-alert";
import { FormField } from "@/app/_components/form-field";
import { SubmitButton } from "@/app/_components/submit-button";
import { PASSWORD_MIN_LENGTH, changePasswordSchema } from "@/lib/validation/auth";
import { fieldErrorsOf } from "@/lib/validation/form-state";
import { type ChangePasswordState, changeOwnPassword } from "./security-actions";

const initialState: ChangePasswordState = { values: {}, fieldErrors: {} };

export function ChangePasswordForm({ email }: { email: string }) {
  const t = useTranslations("Account");
  const tAuth = useTranslations("Auth");
  const [state, formAction] = useActionState(changeOwnPassword, initialState);
  const [clientErrors, setClientErrors] = useState<ChangePasswordState["fieldErrors"] | null>(null);
  const fieldErrors = clientErrors ?? state.fieldErrors;
  const minutes = Math.ceil((state.retryAfterSeconds ?? 0) / 60);

  return (
    <form
      action={formAction}
      noValidate
      className="space-y-5"
      onSubmit={(event) => {
        const parsed = changePasswordSchema.safeParse(Object.fromEntries(new FormData(event.currentTarget)));
        setClientErrors(parsed.success ? null : fieldErrorsOf(parsed.error));
        if (!parsed.success) event.preventDefault();
      }}
    >
      {state.formError === "rate_limited" && <FormAlert>{tAuth("rateLimited", { minutes })}</FormAlert>}
      {/* Tells password managers which account the new password belongs to. */}
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      <FormField
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        label={t("currentPassword")}
        errors={fieldErrors.currentPassword}
        required
      />
      <FormField
        name="newPassword"
        type="password"
        autoComplete="new-password"
        label={t("newPassword")}
        hint={tAuth("passwordHint", { min: PASSWORD_MIN_LENGTH })}
        errors={fieldErrors.newPassword}
        minLength={PASSWORD_MIN_LENGTH}
        required
      />
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
