"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/app/_components/form-alert";
import { CurrentPasswordField } from "@/app/_components/current-password-field";
import { FormField } from "@/app/_components/form-field";
import { SubmitButton } from "@/app/_components/submit-button";
import { SuccessNote } from "@/app/_components/success-note";
import { useCheckedAction } from "@/app/_lib/use-checked-action";
import { contactDetailsSchema } from "@/lib/validation/account";
import { type ContactDetailsState, saveContactDetails } from "./actions";

type ContactDetails = { name: string; email: string; phone: string | null };

export function ContactDetailsForm({ current }: { current: ContactDetails }) {
  const t = useTranslations("Account");
  const tAuth = useTranslations("Auth");
  const initialState: ContactDetailsState = {
    values: { name: current.name, email: current.email, phone: current.phone ?? "" },
    fieldErrors: {},
  };
  const { state, formAction, fieldErrors, onSubmit } = useCheckedAction(
    contactDetailsSchema,
    saveContactDetails,
    initialState,
  );
  // A locked password check waits minutes, the daily limit on email changes up to a day.
  const minutes = Math.ceil((state.retryAfterSeconds ?? 0) / 60);
  const wait = minutes > 60 ? { unit: "hour", count: Math.ceil(minutes / 60) } : { unit: "minute", count: minutes };

  return (
    <form action={formAction} noValidate className="space-y-5" onSubmit={onSubmit}>
      {state.formError === "rate_limited" && <FormAlert>{t("emailChangeRateLimited", wait)}</FormAlert>}
      {state.saved === "details" && <SuccessNote>{t("detailsSaved")}</SuccessNote>}
      {state.saved === "email_changed" && (
        <SuccessNote>{t("emailChanged", { email: state.values.email ?? "" })}</SuccessNote>
      )}
      <FormField
        name="name"
        autoComplete="name"
        label={t("name")}
        defaultValue={state.values.name}
        errors={fieldErrors.name}
        required
      />
      <FormField
        name="email"
        type="email"
        autoComplete="email"
        label={t("email")}
        hint={t("emailHint")}
        defaultValue={state.values.email}
        errors={fieldErrors.email}
        required
      />
      <FormField
        name="phone"
        type="tel"
        autoComplete="tel"
        label={tAuth("phone")}
        hint={tAuth("phoneHint")}
        defaultValue={state.values.phone}
        errors={fieldErrors.phone}
      />
      <CurrentPasswordField
        name="password"
        label={t("currentPasswordForEmail")}
        errors={fieldErrors.password}
        required={false}
      />
      <SubmitButton pendingLabel={t("savingDetails")}>{t("saveDetails")}</SubmitButton>
    </form>
  );
}
