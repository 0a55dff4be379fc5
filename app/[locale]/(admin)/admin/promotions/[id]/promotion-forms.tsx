"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormAlert } from "@/app/_components/form-alert";
import { FormField } from "@/app/_components/form-field";
import { SubmitButton } from "@/app/_components/submit-button";
import { SuccessNote } from "@/app/_components/success-note";
import { useCheckedAction } from "@/app/_lib/use-checked-action";
import { editPromotionSchema } from "@/lib/validation/admin-promotions";
import { editPromotionAction, type EditPromotionState, endPromotionAction, type EndPromotionState } from "../actions";

const initialEdit: EditPromotionState = { values: {}, fieldErrors: {} };
const initialEnd: EndPromotionState = { values: {}, fieldErrors: {} };

export function EditPromotionForm({
  promotionId,
  startsAt,
  endsAt,
  maxRedemptions,
}: {
  promotionId: string;
  startsAt: string;
  endsAt: string;
  maxRedemptions: string;
}) {
  const t = useTranslations("AdminPromotions");
  const { state, formAction, fieldErrors, onSubmit } = useCheckedAction(
    editPromotionSchema,
    editPromotionAction,
    initialEdit,
  );
  const values = state.values ?? {};
  return (
    <form action={formAction} noValidate onSubmit={onSubmit} className="space-y-4" data-testid="edit-promotion">
      {state.saved && <SuccessNote>{t("detail.saved")}</SuccessNote>}
      <input type="hidden" name="promotionId" value={promotionId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          name="startsAt"
          type="datetime-local"
          label={t("form.startsAt")}
          defaultValue={values.startsAt ?? startsAt}
          errors={fieldErrors.startsAt}
          required
        />
        <FormField
          name="endsAt"
          type="datetime-local"
          label={t("form.endsAt")}
          hint={t("form.windowHint")}
          defaultValue={values.endsAt ?? endsAt}
          errors={fieldErrors.endsAt}
          required
        />
      </div>
      <FormField
        name="maxRedemptions"
        label={t("form.maxRedemptions")}
        hint={t("form.maxRedemptionsHint")}
        inputMode="numeric"
        defaultValue={values.maxRedemptions ?? maxRedemptions}
        errors={fieldErrors.maxRedemptions}
      />
      <div className="max-w-xs">
        <SubmitButton pendingLabel={t("detail.saving")}>{t("detail.save")}</SubmitButton>
      </div>
    </form>
  );
}

export function EndPromotionForm({ promotionId }: { promotionId: string }) {
  const t = useTranslations("AdminPromotions.detail");
  const [state, formAction] = useActionState(endPromotionAction, initialEnd);
  return (
    <form action={formAction} className="space-y-3" data-testid="end-promotion">
      {state.formError === "already_ended" && <FormAlert>{t("alreadyEnded")}</FormAlert>}
      <input type="hidden" name="promotionId" value={promotionId} />
      <div className="max-w-xs">
        <SubmitButton pendingLabel={t("saving")}>{t("endNow")}</SubmitButton>
      </div>
    </form>
  );
}
