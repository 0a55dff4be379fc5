"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { localeNames, routing, type Locale } from "@/lib/i18n/routing";
import { type LocalePreferenceState, savePreferredLocale } from "./actions";

export function LocalePreferenceForm({ current }: { current: Locale }) {
  const t = useTranslations("Account");
  const tErrors = useTranslations("Errors");
  const [state, formAction, pending] = useActionState(savePreferredLocale, {
    values: { locale: current },
    fieldErrors: {},
  } satisfies LocalePreferenceState);
  const error = state.fieldErrors.locale?.[0];

  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3">
      <div className="space-y-1">
        <label htmlFor="preferred-locale" className="block text-sm text-slate-600">
          {t("emailLanguage")}
        </label>
        <select
          id="preferred-locale"
          name="locale"
          defaultValue={state.values.locale}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "preferred-locale-error" : undefined}
          className="rounded-md border border-slate-400 bg-white px-3 py-2"
        >
          {routing.locales.map((locale) => (
            <option key={locale} value={locale}>
              {localeNames[locale]}
            </option>
          ))}
        </select>
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md border border-slate-300 px-4 py-2 font-semibold hover:bg-slate-50 disabled:opacity-70"
      >
        {t("save")}
      </button>
      <p aria-live="polite" className="text-sm font-medium">
        {state.saved && <span className="text-emerald-800">{t("saved")}</span>}
        {error && (
          <span id="preferred-locale-error" className="text-brand-700">
            {tErrors("locale_invalid")}
          </span>
        )}
      </p>
    </form>
  );
}
