"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { resendVerification, type ResendVerificationState } from "./verification-actions";

export function ResendVerification() {
  const t = useTranslations("Verification");
  const [state, formAction, pending] = useActionState(resendVerification, {
    values: {},
    fieldErrors: {},
  } satisfies ResendVerificationState);
  return (
    <form action={formAction} className="flex items-center gap-3">
      <button
        type="submit"
        disabled={pending}
        className="rounded-md border border-amber-700 px-3 py-1 font-semibold hover:bg-white disabled:opacity-60"
      >
        {t("resend")}
      </button>
      <span aria-live="polite">
        {state.sent && t("resent")}
        {state.formError === "rate_limited" &&
          t("rateLimited", { minutes: Math.ceil((state.retryAfterSeconds ?? 60) / 60) })}
      </span>
    </form>
  );
}
