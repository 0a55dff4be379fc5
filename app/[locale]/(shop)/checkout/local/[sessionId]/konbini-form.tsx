"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/app/_components/form-alert";
import { FormField } from "@/app/_components/form-field";
import { SubmitButton } from "@/app/_components/submit-button";
import { useCheckedAction } from "@/app/_lib/use-checked-action";
import { konbiniDetailsSchema } from "@/lib/validation/local-payments";
import { type KonbiniFormState, payAtKonbini } from "./actions";

type KonbiniFormProps = { sessionId: string; customerEmail: string };

// What Stripe Checkout asks of a Konbini buyer: a name and an email for the voucher, and
// optionally a phone number, which becomes the confirmation number read out at the till.
export function KonbiniForm({ sessionId, customerEmail }: KonbiniFormProps) {
  const t = useTranslations("LocalCheckout");
  const initialState: KonbiniFormState = { values: {}, fieldErrors: {} };
  const { state, formAction, fieldErrors, onSubmit } = useCheckedAction(
    konbiniDetailsSchema,
    payAtKonbini,
    initialState,
  );
  return (
    <form action={formAction} noValidate className="space-y-4" onSubmit={onSubmit}>
      <input type="hidden" name="sessionId" value={sessionId} />
      {state.formError && <FormAlert>{t(state.formError)}</FormAlert>}
      <FormField
        name="name"
        label={t("konbiniName")}
        autoComplete="name"
        defaultValue={state.values.name}
        errors={fieldErrors.name}
        required
      />
      <FormField
        name="email"
        type="email"
        label={t("konbiniEmail")}
        autoComplete="email"
        defaultValue={state.values.email ?? customerEmail}
        errors={fieldErrors.email}
        required
      />
      <FormField
        name="phone"
        type="tel"
        inputMode="numeric"
        label={t("konbiniPhone")}
        hint={t("konbiniPhoneHint")}
        autoComplete="tel-national"
        defaultValue={state.values.phone}
        errors={fieldErrors.phone}
      />
      <SubmitButton pendingLabel={t("paying")}>{t("konbiniSubmit")}</SubmitButton>
    </form>
  );
}
