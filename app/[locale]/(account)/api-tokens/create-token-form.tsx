"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/app/_components/form-alert";
import { FormField } from "@/app/_components/form-field";
import { SubmitButton } from "@/app/_components/submit-button";
import { useCheckedAction } from "@/app/_lib/use-checked-action";
import { API_TOKEN_NAME_MAX_LENGTH, createApiTokenSchema } from "@/lib/validation/api";
import { type CreateTokenState, createToken } from "./actions";
import { NewToken } from "./new-token";

const initialState: CreateTokenState = { values: {}, fieldErrors: {} };

export function CreateTokenForm({ maxTokens }: { maxTokens: number }) {
  const t = useTranslations("ApiTokens");
  const { state, formAction, fieldErrors, onSubmit } = useCheckedAction(
    createApiTokenSchema,
    createToken,
    initialState,
  );
  const minutes = Math.ceil((state.retryAfterSeconds ?? 0) / 60);

  return (
    <div className="space-y-5">
      {state.created && <NewToken key={state.created.token} {...state.created} />}
      <form action={formAction} noValidate className="space-y-5" onSubmit={onSubmit}>
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
