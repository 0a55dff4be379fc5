"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { FormAlert } from "@/app/_components/form-alert";
import { FormField } from "@/app/_components/form-field";
import { SubmitButton } from "@/app/_components/submit-button";
import { loginSchema } from "@/lib/validation/auth";
import { fieldErrorsOf } from "@/lib/validation/form-state";
import { type LoginState, login } from "./actions";

const initialState: LoginState = { values: {}, fieldErrors: {} };

export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations("Auth");
  const [state, formAction] = useActionState(login, initialState);
  const [clientErrors, setClientErrors] = useState<LoginState["fieldErrors"] | null>(null);
  const fieldErrors = clientErrors ?? state.fieldErrors;
  const minutes = Math.ceil((state.retryAfterSeconds ?? 0) / 60);

  return (
    <form
      action={formAction}
      noValidate
      className="space-y-5"
      onSubmit={(event) => {
        const data = new FormData(event.currentTarget);
        const parsed = loginSchema.safeParse(Object.fromEntries(data));
        setClientErrors(parsed.success ? null : fieldErrorsOf(parsed.error));
        if (!parsed.success) event.preventDefault();
      }}
    >
      {state.formError === "invalid_credentials" && <FormAlert>{t("invalidCredentials")}</FormAlert>}
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
      <FormField
        name="password"
        type="password"
        autoComplete="current-password"
        label={t("password")}
        errors={fieldErrors.password}
        required
      />
      <SubmitButton pendingLabel={t("loginPending")}>{t("loginSubmit")}</SubmitButton>
    </form>
  );
}
