"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { type ResendState, resendActivation } from "./esim-lifecycle-actions";

export function ResendActivation({ esimId, email }: { esimId: string; email: string }) {
  const t = useTranslations("Esim");
  const [state, formAction, pending] = useActionState(resendActivation, {
    values: {},
    fieldErrors: {},
  } satisfies ResendState);
  return (
    <section aria-labelledby="resend-title" className="rounded-lg border border-slate-200 p-4">
      <h2 id="resend-title" className="font-semibold">
        {t("resendTitle")}
      </h2>
      <p className="text-sm text-slate-700">{t("resendBody", { email })}</p>
      <form action={formAction} className="mt-3">
        <input type="hidden" name="esimId" value={esimId} />
        <button
          type="submit"
          disabled={pending}
          className="rounded-md border border-slate-400 px-3 py-1.5 text-sm font-semibold hover:bg-slate-50 disabled:opacity-60"
        >
          {t("resend")}
        </button>
      </form>
      <p aria-live="polite" className="mt-2 text-sm font-medium">
        {state.result === "sent" && <span className="text-emerald-800">{t("resent")}</span>}
        {state.result === "deleted" && t("resendDeleted")}
        {state.result === "revoked" && t("resendRevoked")}
        {state.formError === "rate_limited" && (
          <span className="text-brand-700">
            {t("rateLimited", { minutes: Math.ceil((state.retryAfterSeconds ?? 60) / 60) })}
          </span>
        )}
      </p>
    </section>
  );
}
