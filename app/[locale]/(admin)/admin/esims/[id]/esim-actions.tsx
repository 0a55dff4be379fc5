"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { FormAlert } from "@/app/_components/form-alert";
import { FormField } from "@/app/_components/form-field";
import { SubmitButton } from "@/app/_components/submit-button";
import { useCheckedAction } from "@/app/_lib/use-checked-action";
import {
  staffEsimSchema,
  staffResendActivationSchema,
  staffRevokeSchema,
  staffSuspendSchema,
} from "@/lib/validation/admin-accounts";
import {
  type EsimChangeState,
  type ResendActivationState,
  resendActivationAction,
  resumeEsimAction,
  revokeEsimAction,
  suspendEsimAction,
} from "./actions";

const initial = { values: {}, fieldErrors: {} };

function Panel({
  title,
  lead,
  children,
  testId,
}: {
  title: string;
  lead: string;
  children: ReactNode;
  testId: string;
}) {
  return (
    <section className="rounded-xl border border-slate-200 p-5" data-testid={testId}>
      <h3 className="font-semibold">{title}</h3>
      <p className="mt-1 text-sm text-slate-700">{lead}</p>
      <div className="mt-4 max-w-md">{children}</div>
    </section>
  );
}

function Done({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="text-sm font-medium text-emerald-800">
      {children}
    </p>
  );
}

export function ResendActivationForm({ esimId, accountEmail }: { esimId: string; accountEmail: string }) {
  const t = useTranslations("AdminEsim");
  const { state, formAction, fieldErrors, onSubmit } = useCheckedAction<ResendActivationState>(
    staffResendActivationSchema,
    resendActivationAction,
    initial,
  );
  const minutes = Math.ceil((state.retryAfterSeconds ?? 60) / 60);
  return (
    <Panel title={t("resendTitle")} lead={t("resendLead", { email: accountEmail })} testId="resend-activation">
      <form action={formAction} noValidate onSubmit={onSubmit} className="space-y-4">
        {state.sentTo && <Done>{t("resent", { email: state.sentTo })}</Done>}
        {state.formError === "revoked" && <FormAlert>{t("resendRevoked")}</FormAlert>}
        {state.formError === "deleted" && <FormAlert>{t("resendDeleted")}</FormAlert>}
        {state.formError === "rate_limited" && <FormAlert>{t("rateLimited", { minutes })}</FormAlert>}
        <input type="hidden" name="esimId" value={esimId} />
        <FormField
          name="email"
          type="email"
          label={t("resendEmail")}
          placeholder={accountEmail}
          defaultValue={state.values.email}
          errors={fieldErrors.email}
        />
        <SubmitButton pendingLabel={t("resendPending")}>{t("resendSubmit")}</SubmitButton>
      </form>
    </Panel>
  );
}

function Outcome({ state }: { state: EsimChangeState }) {
  const t = useTranslations("AdminEsim");
  if (state.done) return <Done>{t(state.done)}</Done>;
  return state.formError ? <FormAlert>{t(`refusals.${state.formError}`)}</FormAlert> : null;
}

export function SuspendForm({ esimId }: { esimId: string }) {
  const t = useTranslations("AdminEsim");
  const { state, formAction, fieldErrors, onSubmit } = useCheckedAction<EsimChangeState>(
    staffSuspendSchema,
    suspendEsimAction,
    initial,
  );
  return (
    <Panel title={t("suspendTitle")} lead={t("suspendLead")} testId="suspend-esim">
      <form action={formAction} noValidate onSubmit={onSubmit} className="space-y-4">
        <Outcome state={state} />
        <input type="hidden" name="esimId" value={esimId} />
        <FormField
          name="reason"
          label={t("suspendReason")}
          maxLength={500}
          defaultValue={state.values.reason}
          errors={fieldErrors.reason}
        />
        <SubmitButton pendingLabel={t("suspendPending")}>{t("suspendSubmit")}</SubmitButton>
      </form>
    </Panel>
  );
}

export function ResumeForm({ esimId }: { esimId: string }) {
  const t = useTranslations("AdminEsim");
  const { state, formAction, onSubmit } = useCheckedAction<EsimChangeState>(staffEsimSchema, resumeEsimAction, initial);
  return (
    <Panel title={t("resumeTitle")} lead={t("resumeLead")} testId="resume-esim">
      <form action={formAction} noValidate onSubmit={onSubmit} className="space-y-4">
        <Outcome state={state} />
        <input type="hidden" name="esimId" value={esimId} />
        <SubmitButton pendingLabel={t("resumePending")}>{t("resumeSubmit")}</SubmitButton>
      </form>
    </Panel>
  );
}

export function RevokeForm({ esimId }: { esimId: string }) {
  const t = useTranslations("AdminEsim");
  const tErrors = useTranslations("Errors");
  const { state, formAction, fieldErrors, onSubmit } = useCheckedAction<EsimChangeState>(
    staffRevokeSchema,
    revokeEsimAction,
    initial,
  );
  return (
    <Panel title={t("revokeTitle")} lead={t("revokeLead")} testId="revoke-esim">
      <form action={formAction} noValidate onSubmit={onSubmit} className="space-y-4">
        <Outcome state={state} />
        <input type="hidden" name="esimId" value={esimId} />
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            name="confirm"
            className="mt-1"
            aria-invalid={fieldErrors.confirm ? true : undefined}
            aria-describedby={fieldErrors.confirm ? "revoke-confirm-error" : undefined}
          />
          <span>{t("revokeConfirm")}</span>
        </label>
        {fieldErrors.confirm && (
          <p id="revoke-confirm-error" className="text-sm font-medium text-brand-700">
            {tErrors("revoke_unconfirmed")}
          </p>
        )}
        <SubmitButton pendingLabel={t("revokePending")}>{t("revokeSubmit")}</SubmitButton>
      </form>
    </Panel>
  );
}
