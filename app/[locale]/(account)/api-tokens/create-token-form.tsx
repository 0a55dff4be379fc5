"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { FormAlert } from "@/app/_components/form-alert";
import { FormField } from "@/app/_components/form-field";
import { SubmitButton } from "@/app/_components/submit-button";
import { API_TOKEN_NAME_MAX_LENGTH, createApiTokenSchema } from "@/lib/validation/api";
import { fieldErrorsOf } from "@/lib/validation/form-state";
import { type CreateTokenState, createToken } from "./actions";
import { NewToken } from "./new-token";

const initialState: CreateTokenState = { values: {}, fieldErrors: {} };

export function CreateTokenForm({ maxTokens }: { maxTokens: number }) {
  const t = useTranslations("ApiTokens");
  const [state, formAction] = useActionState(createToken, initialState);
  const [clientErrors, setClientErrors] = useState<CreateTokenState["fieldErrors"] | null>(null);
  const fieldErrors = clientErrors ?? state.fieldErrors;
  const minutes = Math.ceil((state.retryAfterSeconds ?? 0) / 60);

  return (
    <div className="space-y-5">
      {state.created && <NewToken key={state.created.token} {...state.created} />}
      <form
        action={formAction}
        noValidate
        className="space-y-5"
        onSubmit={(event) => {
          const parsed = createApiTokenSchema.safeParse(Object.fromEntries(new FormData(event.currentTarget)));
          setClientErrors(parsed.success ? null : fieldErrorsOf(parsed.error));
          if (!parsed.success) event.preventDefault();
        }}
      >
        {state.formError === "limit_reached" && <FormAlert>{t("limitReached", { max: maxTokens })}</FormAlert>}
        {state.formError === "rate_limited" && <FormAlert>{t("rateLimited", { minutes })}</FormAlert>}
        <FormField
          name="name"
          label={t("name")}
          hint={t("nameHint", { max: API_TOKEN_NAME_MAX_LENGTH })}
          maxLength={API_TOKEN_NAME_MAX_LENGTH}
          autoComplete="off"
          defaultValue={state.values.name}
          errors={fieldErrors.name}
          required
        />
        <SubmitButton pendingLabel={t("creating")}>{t("create")}</SubmitButton>
      </form>
    </div>
  );
}
