"use client";

import type { Role } from "@prisma/client";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { FormAlert } from "@/app/_components/form-alert";
import { FormField } from "@/app/_components/form-field";
import { SubmitButton } from "@/app/_components/submit-button";
import { useCheckedAction } from "@/app/_lib/use-checked-action";
import {
  staffCorrectEmailSchema,
  staffCustomerSchema,
  staffRevokeTokensSchema,
  staffRoleSchema,
} from "@/lib/validation/admin-accounts";
import {
  changeRoleAction,
  correctEmailAction,
  type CustomerChangeState,
  endSessionsAction,
  lockAction,
  revokeTokensAction,
  unlockAction,
} from "./actions";

const initial: CustomerChangeState = { values: {}, fieldErrors: {} };
const ROLES: readonly Role[] = ["CUSTOMER", "SUPPORT", "ADMIN"];

function Outcome({ state }: { state: CustomerChangeState }) {
  const t = useTranslations("AdminCustomer");
  if (state.done)
    return (
      <p role="status" className="text-sm font-medium text-emerald-800">
        {t(`done.${state.done}`)}
      </p>
    );
  return state.formError ? <FormAlert>{t(`refusals.${state.formError}`)}</FormAlert> : null;
}

function Panel({
  title,
  lead,
  children,
  testId,
}: {
  title: string;
  lead?: string;
  children: ReactNode;
  testId: string;
}) {
  return (
    <section className="rounded-xl border border-slate-200 p-5" data-testid={testId}>
      <h3 className="font-semibold">{title}</h3>
      {lead && <p className="mt-1 text-sm text-slate-700">{lead}</p>}
      <div className="mt-4 max-w-md space-y-4">{children}</div>
    </section>
  );
}

// A form with nothing to fill in but the account it acts on.
function OneButton({
  userId,
  action,
  label,
  pendingLabel,
}: {
  userId: string;
  action: typeof endSessionsAction;
  label: string;
  pendingLabel: string;
}) {
  const { state, formAction, onSubmit } = useCheckedAction(staffCustomerSchema, action, initial);
  return (
    <form action={formAction} noValidate onSubmit={onSubmit} className="space-y-3">
      <Outcome state={state} />
      <input type="hidden" name="userId" value={userId} />
      <SubmitButton pendingLabel={pendingLabel}>{label}</SubmitButton>
    </form>
  );
}

export function EndSessionsForm({ userId }: { userId: string }) {
  const t = useTranslations("AdminCustomer");
  return (
    <Panel title={t("endSessionsTitle")} lead={t("endSessionsLead")} testId="end-sessions">
      <OneButton
        userId={userId}
        action={endSessionsAction}
        label={t("endSessionsSubmit")}
        pendingLabel={t("endSessionsPending")}
      />
    </Panel>
  );
}

export function LockForm({ userId, locked }: { userId: string; locked: boolean }) {
  const t = useTranslations("AdminCustomer");
  return (
    <Panel title={t("lockTitle")} lead={t("lockLead")} testId="lock-account">
      <OneButton
        key={locked ? "unlock" : "lock"}
        userId={userId}
        action={locked ? unlockAction : lockAction}
        label={locked ? t("unlockSubmit") : t("lockSubmit")}
        pendingLabel={t("lockPending")}
      />
    </Panel>
  );
}

// One token by its id, or (without one) every active token of the account.
export function RevokeTokensForm({ userId, tokenId }: { userId: string; tokenId?: string }) {
  const t = useTranslations("AdminCustomer");
  const { state, formAction, onSubmit } = useCheckedAction(staffRevokeTokensSchema, revokeTokensAction, initial);
  return (
    <form action={formAction} noValidate onSubmit={onSubmit} className="space-y-3">
      <Outcome state={state} />
      <input type="hidden" name="userId" value={userId} />
      {tokenId && <input type="hidden" name="tokenId" value={tokenId} />}
      <SubmitButton pendingLabel={t("revokeTokensPending")}>
        {tokenId ? t("revokeTokenSubmit") : t("revokeTokensSubmit")}
      </SubmitButton>
    </form>
  );
}

export function CorrectEmailForm({ userId }: { userId: string }) {
  const t = useTranslations("AdminCustomer");
  const { state, formAction, fieldErrors, onSubmit } = useCheckedAction(
    staffCorrectEmailSchema,
    correctEmailAction,
    initial,
  );
  return (
    <Panel title={t("emailTitle")} lead={t("emailLead")} testId="correct-email">
      <form action={formAction} noValidate onSubmit={onSubmit} className="space-y-4">
        <Outcome state={state} />
        <input type="hidden" name="userId" value={userId} />
        <FormField
          name="email"
          type="email"
          label={t("emailField")}
          autoComplete="off"
          defaultValue={state.values.email}
          errors={fieldErrors.email}
          required
        />
        <SubmitButton pendingLabel={t("emailPending")}>{t("emailSubmit")}</SubmitButton>
      </form>
    </Panel>
  );
}

export function RoleForm({ userId, role }: { userId: string; role: Role }) {
  const t = useTranslations("AdminCustomer");
  const { state, formAction, onSubmit } = useCheckedAction(staffRoleSchema, changeRoleAction, initial);
  return (
    <Panel title={t("roleTitle")} testId="change-role">
      <form action={formAction} noValidate onSubmit={onSubmit} className="space-y-4">
        <Outcome state={state} />
        <input type="hidden" name="userId" value={userId} />
        <label className="block space-y-1">
          <span className="block text-sm font-medium">{t("roleField")}</span>
          <select
            name="role"
            defaultValue={state.values.role ?? role}
            className="block w-full rounded-md border border-slate-400 px-3 py-2"
          >
            {ROLES.map((option) => (
              <option key={option} value={option}>
                {t(`roles.${option}`)}
              </option>
            ))}
          </select>
        </label>
        <SubmitButton pendingLabel={t("rolePending")}>{t("roleSubmit")}</SubmitButton>
      </form>
    </Panel>
  );
}
