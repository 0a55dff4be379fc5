"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FieldErrors } from "@/app/_components/field-errors";
import { FormField } from "@/app/_components/form-field";
import { SubmitButton } from "@/app/_components/submit-button";
import { SuccessNote } from "@/app/_components/success-note";
import { useCheckedAction } from "@/app/_lib/use-checked-action";
import { Link } from "@/lib/i18n/navigation";
import {
  CREATE_PROMOTION_REPEATED,
  createPromotionSchema,
  PROMO_KINDS,
  PROMO_SCOPES,
} from "@/lib/validation/admin-promotions";
import { createPromotionAction, type CreatePromotionState } from "../actions";

type PlanChoice = { id: string; name: string; listed: boolean };

const initialState: CreatePromotionState = { values: {}, fieldErrors: {} };

export function PromotionForm({
  plans,
  defaults,
}: {
  plans: PlanChoice[];
  defaults: { startsAt: string; endsAt: string };
}) {
  const t = useTranslations("AdminPromotions.form");
  const { state, formAction, fieldErrors, onSubmit } = useCheckedAction(
    createPromotionSchema,
    createPromotionAction,
    initialState,
    { repeated: CREATE_PROMOTION_REPEATED },
  );
  const values = state.values ?? {};
  const [scope, setScope] = useState(values.scope ?? "all");

  return (
    <form action={formAction} noValidate onSubmit={onSubmit} className="space-y-5" data-testid="promotion-form">
      {state.created && (
        <SuccessNote>
          {t("created", { code: state.created.code })}{" "}
          <Link href={`/admin/promotions/${state.created.id}`} className="underline">
            {t("open")}
          </Link>
        </SuccessNote>
      )}
      <FormField
        name="code"
        label={t("code")}
        hint={t("codeHint")}
        defaultValue={values.code}
        errors={fieldErrors.code}
        autoCapitalize="characters"
        required
      />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t("kind")}</legend>
        {PROMO_KINDS.map((kind) => (
          <label key={kind} className="flex items-center gap-2">
            <input type="radio" name="kind" value={kind} defaultChecked={(values.kind ?? "percent") === kind} />
            {t(`kinds.${kind}`)}
          </label>
        ))}
        <FieldErrors id="field-kind-error" errors={fieldErrors.kind} />
      </fieldset>
      <FormField
        name="value"
        label={t("value")}
        hint={t("valueHint")}
        inputMode="numeric"
        defaultValue={values.value}
        errors={fieldErrors.value}
        required
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          name="startsAt"
          type="datetime-local"
          label={t("startsAt")}
          defaultValue={values.startsAt ?? defaults.startsAt}
          errors={fieldErrors.startsAt}
          required
        />
        <FormField
          name="endsAt"
          type="datetime-local"
          label={t("endsAt")}
          hint={t("windowHint")}
          defaultValue={values.endsAt ?? defaults.endsAt}
          errors={fieldErrors.endsAt}
          required
        />
      </div>
      <FormField
        name="maxRedemptions"
        label={t("maxRedemptions")}
        hint={t("maxRedemptionsHint")}
        inputMode="numeric"
        defaultValue={values.maxRedemptions}
        errors={fieldErrors.maxRedemptions}
      />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t("scope")}</legend>
        {PROMO_SCOPES.map((option) => (
          <label key={option} className="flex items-center gap-2">
            <input
              type="radio"
              name="scope"
              value={option}
              checked={scope === option}
              onChange={() => setScope(option)}
            />
            {t(`scopes.${option}`)}
          </label>
        ))}
      </fieldset>
      {scope === "some" && (
        <fieldset className="space-y-1" aria-describedby={fieldErrors.planIds ? "field-planIds-error" : undefined}>
          <legend className="text-sm font-medium">{t("plans")}</legend>
          <div className="grid gap-1 sm:grid-cols-2">
            {plans.map((plan) => (
              <label key={plan.id} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name="planIds"
                  value={plan.id}
                  defaultChecked={values.planIds?.includes(plan.id)}
                />
                <span className={plan.listed ? undefined : "text-slate-500"}>{plan.name}</span>
              </label>
            ))}
          </div>
          <FieldErrors id="field-planIds-error" errors={fieldErrors.planIds} />
        </fieldset>
      )}
      <div className="max-w-xs">
        <SubmitButton pendingLabel={t("creating")}>{t("create")}</SubmitButton>
      </div>
    </form>
  );
}
