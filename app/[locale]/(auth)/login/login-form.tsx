"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/app/_components/form-alert";
import { CurrentPasswordField } from "@/app/_components/current-password-field";
import { FormField } from "@/app/_components/form-field";
import { SubmitButton } from "@/app/_components/submit-button";
import { useCheckedAction } from "@/app/_lib/use-checked-action";
import { loginSchema } from "@/lib/validation/auth";
import { type LoginState, login } from "./actions";

const initialState: LoginState = { values: {}, fieldErrors: {} };

export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations("Auth");
  const { state, formAction, fieldErrors, onSubmit } = useCheckedAction(loginSchema, login, initialState);
  const minutes = Math.ceil((state.retryAfterSeconds ?? 0) / 60);

  return (
    <form action={formAction} noValidate className="space-y-5" onSubmit={onSubmit}>
      {state.formError === "invalid_credentials" && <FormAlert>{t("invalidCredentials")}</FormAlert>}
      {state.formError === "account_locked" && <FormAlert>{t("accountLocked")}</FormAlert>}
      {state.formError === "rate_limited" && <FormAlert>{t("rateLimited", { minutes })}</FormAlert>}
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <FormField
        name="email"
        type="email"
        autoComplete="email"
        label={t("email")}
        defaultValue={state.values.email}
        errors={fieldErrors.email}
        required
      />
      <CurrentPasswordField name="password" label={t("password")} errors={fieldErrors.password} />
      <SubmitButton pendingLabel={t("loginPending")}>{t("loginSubmit")}</SubmitButton>
    </form>
  );
}
