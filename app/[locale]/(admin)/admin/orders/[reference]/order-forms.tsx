"use client";

import { useLocale, useTranslations } from "next-intl";
import { FieldErrors } from "@/app/_components/field-errors";
import { FormAlert } from "@/app/_components/form-alert";
import { FormField } from "@/app/_components/form-field";
import { SubmitButton } from "@/app/_components/submit-button";
import { SuccessNote } from "@/app/_components/success-note";
import { useCheckedAction } from "@/app/_lib/use-checked-action";
import { formatMoney } from "@/lib/money";
import { STAFF_REFUND_REASONS } from "@/lib/orders/staff-refund-reasons";
import { ORDER_NOTE_MAX, orderNoteSchema } from "@/lib/validation/admin-orders";
import { disputeEvidenceSchema, staffRefundSchema } from "@/lib/validation/staff-refunds";
import {
  addOrderNoteAction,
  type EvidenceState,
  type OrderNoteState,
  type RefundState,
  refundOrderAction,
  submitEvidenceAction,
} from "../actions";

const TEXTAREA = "block w-full rounded-md border border-slate-400 px-3 py-2 text-base aria-[invalid]:border-brand-700";

function TextArea({
  name,
  label,
  hint,
  errors,
  defaultValue,
  maxLength,
  id = `field-${name}`,
}: {
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
  defaultValue?: string;
  maxLength: number;
  id?: string;
}) {
  const errorId = errors?.length ? `${id}-error` : undefined;
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        rows={3}
        maxLength={maxLength}
        defaultValue={defaultValue}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        className={TEXTAREA}
      />
      {hint && (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      {errorId && <FieldErrors id={errorId} errors={errors} />}
    </div>
  );
}

export function OrderNoteForm({ orderId }: { orderId: string }) {
  const t = useTranslations("AdminOrder.notes");
  const { state, formAction, fieldErrors, onSubmit } = useCheckedAction(orderNoteSchema, addOrderNoteAction, {
    values: {},
    fieldErrors: {},
  } as OrderNoteState);
  return (
    <form action={formAction} noValidate onSubmit={onSubmit} className="max-w-xl space-y-3" data-testid="note-form">
      {state.added && <SuccessNote>{t("added")}</SuccessNote>}
      <input type="hidden" name="orderId" value={orderId} />
      <TextArea
        name="body"
        label={t("body")}
        errors={fieldErrors.body}
        defaultValue={state.values.body}
        maxLength={ORDER_NOTE_MAX}
      />
      <div className="max-w-xs">
        <SubmitButton pendingLabel={t("pending")}>{t("submit")}</SubmitButton>
      </div>
    </form>
  );
}

export function RefundForm({
  orderId,
  idempotencyKey,
  remaining,
  currency,
}: {
  orderId: string;
  idempotencyKey: string;
  remaining: number;
  currency: string;
}) {
  const t = useTranslations("AdminOrder.refund");
  const locale = useLocale();
  const { state, formAction, fieldErrors, onSubmit } = useCheckedAction(staffRefundSchema, refundOrderAction, {
    values: {},
    fieldErrors: {},
  } as RefundState);
  const amount = (value: number | undefined) => formatMoney({ amount: value ?? 0, currency }, locale);
  return (
    <form action={formAction} noValidate onSubmit={onSubmit} className="max-w-xl space-y-4" data-testid="refund-form">
      {state.refunded && (
        <SuccessNote>
          {t(state.refunded === "refunded" ? "refunded" : "pendingNotice", { remaining: amount(state.remaining) })}
        </SuccessNote>
      )}
      {state.formError && (
        <FormAlert>
          {t(`errors.${state.formError}`, { remaining: amount(state.remaining), limit: amount(state.limit) })}
        </FormAlert>
      )}
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <FormField
        name="amount"
        label={t("amount")}
        inputMode="numeric"
        defaultValue={state.values.amount ?? String(remaining)}
        errors={fieldErrors.amount}
        required
      />
      <div className="space-y-1">
        <label htmlFor="field-reason" className="block text-sm font-medium">
          {t("reason")}
        </label>
        <select
          id="field-reason"
          name="reason"
          defaultValue={state.values.reason ?? "requested_by_customer"}
          className="block w-full rounded-md border border-slate-400 px-3 py-2 text-base"
        >
          {STAFF_REFUND_REASONS.map((reason) => (
            <option key={reason} value={reason}>
              {t(`reasons.${reason}`)}
            </option>
          ))}
        </select>
        <FieldErrors id="field-reason-error" errors={fieldErrors.reason} />
      </div>
      <TextArea
        name="note"
        id="field-refund-note"
        label={t("note")}
        errors={fieldErrors.note}
        defaultValue={state.values.note}
        maxLength={1000}
      />
      <label className="flex items-center gap-2">
        <input type="checkbox" name="notifyCustomer" defaultChecked={(state.values.notifyCustomer ?? "on") === "on"} />
        {t("notify")}
      </label>
      <div className="max-w-xs">
        <SubmitButton pendingLabel={t("pending")}>{t("submit")}</SubmitButton>
      </div>
    </form>
  );
}

export function EvidenceForm({ disputeId }: { disputeId: string }) {
  const t = useTranslations("AdminOrder.disputes");
  const { state, formAction, fieldErrors, onSubmit } = useCheckedAction(disputeEvidenceSchema, submitEvidenceAction, {
    values: {},
    fieldErrors: {},
  } as EvidenceState);
  if (state.submitted) return <SuccessNote>{t("submitted", { status: state.submitted })}</SuccessNote>;
  return (
    <form action={formAction} noValidate onSubmit={onSubmit} className="max-w-xl space-y-3">
      {state.formError && <FormAlert>{t(`errors.${state.formError}`)}</FormAlert>}
      <input type="hidden" name="disputeId" value={disputeId} />
      <TextArea
        name="text"
        id={`evidence-${disputeId}`}
        label={t("evidence")}
        hint={t("evidenceHint")}
        errors={fieldErrors.text}
        defaultValue={state.values.text}
        maxLength={20_000}
      />
      <div className="max-w-xs">
        <SubmitButton pendingLabel={t("pending")}>{t("submit")}</SubmitButton>
      </div>
    </form>
  );
}
