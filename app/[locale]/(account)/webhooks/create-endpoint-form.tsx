"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { Messages } from "@/lib/i18n/messages";
import { SubmitButton } from "@/app/_components/submit-button";
import { eventFieldName, MAX_WEBHOOK_ENDPOINTS, WEBHOOK_DESCRIPTION_MAX_LENGTH } from "@/lib/validation/webhooks";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/event-types";
import { type CreateEndpointState, createWebhookEndpoint } from "./actions";
import { ShownOnce } from "./shown-once";

const initialState: CreateEndpointState = { values: {}, fieldErrors: {} };
const input = "block w-full rounded-md border border-slate-400 px-3 py-2 text-base aria-[invalid]:border-brand-700";

export function CreateEndpointForm() {
  const t = useTranslations("Webhooks");
  const [state, formAction] = useActionState(createWebhookEndpoint, initialState);
  const fieldError = (field: "url" | "description" | "eventTypes") =>
    state.fieldErrors[field]?.[0] as keyof Messages["Webhooks"]["errors"] | undefined;
  const urlError = fieldError("url");
  const typesError = fieldError("eventTypes");

  return (
    <div className="space-y-5">
      {state.created && <ShownOnce key={state.created.secret} secret={state.created.secret} />}
      <form action={formAction} noValidate className="space-y-5">
        {state.formError && (
          <p role="alert" className="rounded-md bg-brand-50 px-3 py-2 text-sm font-medium text-brand-800">
            {t(`errors.${state.formError}`, { status: state.verificationStatus ?? "", max: MAX_WEBHOOK_ENDPOINTS })}
          </p>
        )}
        <div className="space-y-1">
          <label htmlFor="webhook-url" className="block text-sm font-medium">
            {t("url")}
          </label>
          <input
            id="webhook-url"
            name="url"
            type="url"
            required
            defaultValue={state.values.url}
            aria-invalid={urlError ? true : undefined}
            aria-describedby="webhook-url-hint"
            className={input}
          />
          <p id="webhook-url-hint" className="text-sm text-slate-600">
            {t("urlHint")}
          </p>
          {urlError && <p className="text-sm font-medium text-brand-700">{t(`errors.${urlError}`)}</p>}
        </div>
        <div className="space-y-1">
          <label htmlFor="webhook-description" className="block text-sm font-medium">
            {t("description")}
          </label>
          <input
            id="webhook-description"
            name="description"
            maxLength={WEBHOOK_DESCRIPTION_MAX_LENGTH}
            defaultValue={state.values.description}
            className={input}
          />
        </div>
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium">{t("eventTypes")}</legend>
          {WEBHOOK_EVENT_TYPES.map((type) => (
            <label key={type} className="flex items-center gap-2 font-mono text-sm">
              <input type="checkbox" name={eventFieldName(type)} defaultChecked />
              {type}
            </label>
          ))}
          {typesError && <p className="text-sm font-medium text-brand-700">{t(`errors.${typesError}`)}</p>}
        </fieldset>
        <SubmitButton pendingLabel={t("creating")}>{t("create")}</SubmitButton>
      </form>
    </div>
  );
}
