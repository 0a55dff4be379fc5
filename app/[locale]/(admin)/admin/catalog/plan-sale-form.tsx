"use client";

import { useTranslations } from "next-intl";
import { FormField } from "@/app/_components/form-field";
import { SubmitButton } from "@/app/_components/submit-button";
import { SuccessNote } from "@/app/_components/success-note";
import { useCheckedAction } from "@/app/_lib/use-checked-action";
import { planSaleSchema } from "@/lib/validation/admin-promotions";
import { putPlanOnSaleAction, type PlanSaleState } from "./actions";

const initialState: PlanSaleState = { values: {}, fieldErrors: {} };

// Field ids carry the plan's id: the catalog page holds one of these forms per plan.
export function PlanSaleForm({ planId, planName, price }: { planId: string; planName: string; price: string }) {
  const t = useTranslations("AdminCatalog.saleForm");
  const { state, formAction, fieldErrors, onSubmit } = useCheckedAction(
    planSaleSchema,
    putPlanOnSaleAction,
    initialState,
  );
  const values = state.values ?? {};
  return (
    <form action={formAction} noValidate onSubmit={onSubmit} className="mt-3 max-w-sm space-y-3">
      <fieldset className="space-y-3">
        <legend className="font-medium">{t("legend", { plan: planName })}</legend>
        {state.saved && <SuccessNote>{t("saved")}</SuccessNote>}
        <input type="hidden" name="planId" value={planId} />
        <FormField
          id={`sale-price-${planId}`}
          name="salePrice"
          label={t("salePrice")}
          hint={t("salePriceHint", { price })}
          inputMode="numeric"
          defaultValue={values.salePrice}
          errors={fieldErrors.salePrice}
          required
        />
        <FormField
          id={`sale-start-${planId}`}
          name="startsAt"
          type="datetime-local"
          label={t("startsAt")}
          defaultValue={values.startsAt}
          errors={fieldErrors.startsAt}
          required
        />
        <FormField
          id={`sale-end-${planId}`}
          name="endsAt"
          type="datetime-local"
          label={t("endsAt")}
          defaultValue={values.endsAt}
          errors={fieldErrors.endsAt}
          required
        />
        <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
      </fieldset>
    </form>
  );
}
