"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormAlert } from "@/app/_components/form-alert";
import { FormField } from "@/app/_components/form-field";
import { SubmitButton } from "@/app/_components/submit-button";
import { type ForgotPasswordState, forgotPassword } from "./actions";

export function ForgotPasswordForm() {
  const t = useTranslations("PasswordReset");
  const tAuth = useTranslations("Auth");
  const [state, formAction] = useActionState(forgotPassword, {
    values: {},
    fieldErrors: {},
  } satisfies ForgotPasswordState);
  if (state.requested)
    return (
      <p role="status" className="font-medium">
        {t("requested")}
      </p>
    );
  return (
    <form action={formAction} noValidate className="space-y-5">
      {state.formError === "rate_limited" && (
        <FormAlert>{t("rateLimited", { minutes: Math.ceil((state.retryAfterSeconds ?? 60) / 60) })}</FormAlert>
      )}
      <FormField
        name="email"
        type="email"
        autoComplete="email"
        label={tAuth("email")}
        defaultValue={state.values.email}
        errors={state.fieldErrors.email}
        required
      />
      <SubmitButton pendingLabel={t("requestPending")}>{t("requestSubmit")}</SubmitButton>
    </form>
  );
}
