"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/app/_components/form-alert";
import { FormField } from "@/app/_components/form-field";
import { NewPasswordField } from "@/app/_components/new-password-field";
import { SubmitButton } from "@/app/_components/submit-button";
import { useCheckedAction } from "@/app/_lib/use-checked-action";
import { registerSchema } from "@/lib/validation/auth";
import { type RegisterState, register } from "./actions";

const initialState: RegisterState = { values: {}, fieldErrors: {} };

export function RegisterForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations("Auth");
  const { state, formAction, fieldErrors, onSubmit } = useCheckedAction(registerSchema, register, initialState);
  const hasErrors = Object.keys(fieldErrors).length > 0;
  const minutes = Math.ceil((state.retryAfterSeconds ?? 0) / 60);

  return (
    <form action={formAction} noValidate className="space-y-5" onSubmit={onSubmit}>
      {hasErrors && <FormAlert>{t("formError")}</FormAlert>}
      {state.formError === "rate_limited" && <FormAlert>{t("registerRateLimited", { minutes })}</FormAlert>}
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <FormField
        name="name"
        autoComplete="name"
        label={t("name")}
        defaultValue={state.values.name}
        errors={fieldErrors.name}
        maxLength={100}
        required
      />
      <FormField
        name="email"
        type="email"
        autoComplete="email"
        label={t("email")}
        defaultValue={state.values.email}
        errors={fieldErrors.email}
        required
      />
      <NewPasswordField name="password" label={t("password")} errors={fieldErrors.password} />
      <FormField
        name="phone"
        type="tel"
        autoComplete="tel"
        label={t("phone")}
        hint={t("phoneHint")}
        defaultValue={state.values.phone}
        errors={fieldErrors.phone}
      />
      <SubmitButton pendingLabel={t("registerPending")}>{t("registerSubmit")}</SubmitButton>
    </form>
  );
}
