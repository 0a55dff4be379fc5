"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/app/_components/form-alert";
import { FormField } from "@/app/_components/form-field";
import { SubmitButton } from "@/app/_components/submit-button";
import type { DeclineCode } from "@/lib/payments/test-cards";
import { useCheckedAction } from "@/app/_lib/use-checked-action";
import { cardPaymentSchema } from "@/lib/validation/card";
import { type CardFormState, payWithCard } from "./actions";

type CardFormProps = { sessionId: string; totalLabel: string; declineCode?: DeclineCode };

export function CardForm({ sessionId, totalLabel, declineCode }: CardFormProps) {
  const t = useTranslations("LocalCheckout");
  const initialState: CardFormState = {
    values: {},
    fieldErrors: {},
    ...(declineCode ? { formError: "declined", declineCode } : {}),
  };
  const { state, formAction, fieldErrors, onSubmit } = useCheckedAction(cardPaymentSchema, payWithCard, initialState);
  const decline = state.formError === "declined" ? state.declineCode : undefined;

  return (
    <form action={formAction} noValidate className="space-y-4" onSubmit={onSubmit}>
      <input type="hidden" name="sessionId" value={sessionId} />
      {decline && (
        <FormAlert>
          {t(`declines.${decline}`)} <span className="font-normal">({t("declineCode", { code: decline })})</span>
        </FormAlert>
      )}
      {state.formError === "closed" && <FormAlert>{t("closed")}</FormAlert>}
      <FormField
        name="cardNumber"
        label={t("cardNumber")}
        inputMode="numeric"
        autoComplete="cc-number"
        placeholder="4242 4242 4242 4242"
        errors={fieldErrors.cardNumber}
        required
      />
      <div className="grid grid-cols-2 gap-4">
        <FormField
          name="expiry"
          label={t("expiry")}
          inputMode="numeric"
          autoComplete="cc-exp"
          placeholder="12 / 34"
          errors={fieldErrors.expiry}
          required
        />
        <FormField
          name="cvc"
          label={t("cvc")}
          inputMode="numeric"
          autoComplete="cc-csc"
          placeholder="123"
          errors={fieldErrors.cvc}
          required
        />
      </div>
      <FormField
        name="cardholder"
        label={t("cardholder")}
        autoComplete="cc-name"
        defaultValue={state.values.cardholder}
        errors={fieldErrors.cardholder}
      />
      <SubmitButton pendingLabel={t("paying")}>{t("pay", { total: totalLabel })}</SubmitButton>
    </form>
  );
}
