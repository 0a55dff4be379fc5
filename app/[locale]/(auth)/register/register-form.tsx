"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { FormAlert } from "@/app/_components/form-alert";
import { FormField } from "@/app/_components/form-field";
import { SubmitButton } from "@/app/_components/submit-button";
import { PASSWORD_MIN_LENGTH, registerSchema } from "@/lib/validation/auth";
import { fieldErrorsOf } from "@/lib/validation/form-state";
import { type RegisterState, register } from "./actions";

const initialState: RegisterState = { values: {}, fieldErrors: {} };

export function RegisterForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations("Auth");
  const [state, formAction] = useActionState(register, initialState);
  const [clientErrors, setClientErrors] = useState<RegisterState["fieldErrors"] | null>(null);
  const fieldErrors = clientErrors ?? state.fieldErrors;
  const hasErrors = Object.keys(fieldErrors).length > 0;

  return (
    <form
      action={formAction}
      noValidate
      className="space-y-5"
      onSubmit={(event) => {
        const parsed = registerSchema.safeParse(Object.fromEntries(new FormData(event.currentTarget)));
        setClientErrors(parsed.success ? null : fieldErrorsOf(parsed.error));
        if (!parsed.success) event.preventDefault();
      }}
    >
      {hasErrors && <FormAlert>{t("formError")}</FormAlert>}
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
      <FormField
        name="password"
        type="password"
        autoComplete="new-password"
        label={t("password")}
        hint={t("passwordHint", { min: PASSWORD_MIN_LENGTH })}
        errors={fieldErrors.password}
        minLength={PASSWORD_MIN_LENGTH}
        required
      />
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
