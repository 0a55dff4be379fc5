"use client";

import { useTranslations } from "next-intl";
import { CurrentPasswordField } from "@/app/_components/current-password-field";
import { FormAlert } from "@/app/_components/form-alert";
import { FormField } from "@/app/_components/form-field";
import { SubmitButton } from "@/app/_components/submit-button";
import { useCheckedAction } from "@/app/_lib/use-checked-action";
import {
  API_TOKEN_LIFETIMES,
  API_TOKEN_NAME_MAX_LENGTH,
  createApiTokenSchema,
  DEFAULT_API_TOKEN_LIFETIME,
} from "@/lib/validation/api";
import { type CreateTokenState, createToken } from "./actions";
import { NewToken } from "./new-token";

const initialState: CreateTokenState = { values: {}, fieldErrors: {} };

export function CreateTokenForm({ maxTokens }: { maxTokens: number }) {
  const t = useTranslations("ApiTokens");
  const tErrors = useTranslations("Errors");
  const { state, formAction, fieldErrors, onSubmit } = useCheckedAction(
    createApiTokenSchema,
    createToken,
    initialState,
  );
  const minutes = Math.ceil((state.retryAfterSeconds ?? 0) / 60);
  const expiryError = fieldErrors.expiresIn?.length ? "field-expiresIn-error" : undefined;

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
        <div className="space-y-1">
          <label htmlFor="field-expiresIn" className="block text-sm font-medium">
            {t("expiresIn")}
          </label>
          {/* Keyed by the echoed value: React resets a form after an action, and a select's
              default only applies when it mounts. */}
          <select
            key={state.values.expiresIn ?? DEFAULT_API_TOKEN_LIFETIME}
            id="field-expiresIn"
            name="expiresIn"
            defaultValue={state.values.expiresIn ?? DEFAULT_API_TOKEN_LIFETIME}
            aria-invalid={expiryError ? true : undefined}
            aria-describedby={["field-expiresIn-hint", expiryError].filter(Boolean).join(" ")}
            className="block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base aria-[invalid]:border-brand-700"
          >
            {API_TOKEN_LIFETIMES.map((lifetime) => (
              <option key={lifetime} value={lifetime}>
                {t(`lifetimes.${lifetime}`)}
              </option>
            ))}
          </select>
          <p id="field-expiresIn-hint" className="text-sm text-slate-600">
            {t("expiresInHint")}
          </p>
          {expiryError && (
            <p id={expiryError} className="text-sm font-medium text-brand-700">
              {tErrors("token_expiry_invalid")}
            </p>
          )}
        </div>
        <CurrentPasswordField
          name="currentPassword"
          label={t("currentPassword")}
          hint={t("currentPasswordHint")}
          errors={fieldErrors.currentPassword}
        />
        <SubmitButton pendingLabel={t("creating")}>{t("create")}</SubmitButton>
      </form>
    </div>
  );
}
