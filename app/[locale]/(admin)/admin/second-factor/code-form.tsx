"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/app/_components/form-alert";
import { FormField } from "@/app/_components/form-field";
import { SubmitButton } from "@/app/_components/submit-button";
import { useCheckedAction } from "@/app/_lib/use-checked-action";
import { Link } from "@/lib/i18n/navigation";
import { enrolmentSchema, secondFactorSchema } from "@/lib/validation/second-factor";
import { confirmAuthenticator, passSecondFactor, type SecondFactorState } from "./actions";

const initialState: SecondFactorState = { values: {}, fieldErrors: {} };

// Enrolment takes an authenticator's code only; afterwards a recovery code works too.
export function SecondFactorForm({ enrolling, next }: { enrolling: boolean; next: string }) {
  const t = useTranslations("AdminSecondFactor");
  const { state, formAction, fieldErrors, onSubmit } = useCheckedAction(
    enrolling ? enrolmentSchema : secondFactorSchema,
    enrolling ? confirmAuthenticator : passSecondFactor,
    initialState,
  );
  const minutes = Math.ceil((state.retryAfterSeconds ?? 0) / 60);

  if (state.recoveryCodes) {
    return (
      <section aria-labelledby="recovery-title" className="rounded-xl border border-amber-300 bg-amber-50 p-6">
        <h2 id="recovery-title" className="text-lg font-semibold">
          {t("recoveryTitle")}
        </h2>
        <p className="mt-2 text-slate-800">{t("recoveryLead")}</p>
        <ul className="mt-4 grid grid-cols-2 gap-2 font-mono text-lg" data-testid="recovery-codes">
          {state.recoveryCodes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
        <Link href={next} className="mt-6 inline-block rounded-md bg-brand-700 px-4 py-2.5 font-semibold text-white">
          {t("continue")}
        </Link>
      </section>
    );
  }

  return (
    <form action={formAction} noValidate className="max-w-sm space-y-5" onSubmit={onSubmit}>
      {state.formError === "wrong_code" && <FormAlert>{t("wrongCode")}</FormAlert>}
      {state.formError === "rate_limited" && <FormAlert>{t("rateLimited", { minutes })}</FormAlert>}
      {!enrolling && <input type="hidden" name="next" value={next} />}
      <FormField
        name="code"
        label={t("code")}
        autoComplete="one-time-code"
        inputMode={enrolling ? "numeric" : "text"}
        errors={fieldErrors.code}
        required
      />
      <SubmitButton pendingLabel={t("pending")}>{t("submit")}</SubmitButton>
    </form>
  );
}
