"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/app/_components/form-alert";
import { FormField } from "@/app/_components/form-field";
import { SubmitButton } from "@/app/_components/submit-button";
import { useCheckedAction } from "@/app/_lib/use-checked-action";
import { bankAccountSchema } from "@/lib/validation/local-payments";
import { type BankAccountState, giveBankAccount } from "./actions";

export function BankAccountForm({ token }: { token: string }) {
  const t = useTranslations("LocalCheckout");
  const initialState: BankAccountState = { values: {}, fieldErrors: {} };
  const { state, formAction, fieldErrors, onSubmit } = useCheckedAction(
    bankAccountSchema,
    giveBankAccount,
    initialState,
  );
  if (state.answered)
    return (
      <p role="status" className="mt-4 rounded-md bg-slate-50 px-4 py-3 font-medium" data-testid="bank-answer">
        {t(`bankAnswers.${state.answered}`)}
      </p>
    );
  return (
    <form action={formAction} noValidate className="mt-4 space-y-4" onSubmit={onSubmit}>
      <input type="hidden" name="token" value={token} />
      {state.formError && <FormAlert>{t("refundClosed")}</FormAlert>}
      <div className="grid grid-cols-2 gap-4">
        <FormField
          name="bankCode"
          label={t("bankCode")}
          inputMode="numeric"
          defaultValue={state.values.bankCode}
          errors={fieldErrors.bankCode}
          required
        />
        <FormField
          name="branchCode"
          label={t("branchCode")}
          inputMode="numeric"
          defaultValue={state.values.branchCode}
          errors={fieldErrors.branchCode}
          required
        />
      </div>
      <div className="space-y-1">
        <label htmlFor="field-accountType" className="block text-sm font-medium">
          {t("accountType")}
        </label>
        <select
          id="field-accountType"
          name="accountType"
          defaultValue={state.values.accountType ?? "ordinary"}
          className="block w-full rounded-md border border-slate-400 px-3 py-2 text-base"
        >
          <option value="ordinary">{t("accountTypes.ordinary")}</option>
          <option value="current">{t("accountTypes.current")}</option>
        </select>
      </div>
      <FormField
        name="accountNumber"
        label={t("accountNumber")}
        inputMode="numeric"
        autoComplete="off"
        errors={fieldErrors.accountNumber}
        required
      />
      <FormField
        name="holderName"
        label={t("holderName")}
        autoComplete="name"
        defaultValue={state.values.holderName}
        errors={fieldErrors.holderName}
        required
      />
      <SubmitButton pendingLabel={t("paying")}>{t("bankSubmit")}</SubmitButton>
    </form>
  );
}
