"use client";

import { useTranslations } from "next-intl";

// A signing secret, this once: receivers need it to verify, and the pages never show it again.
export function ShownOnce({ secret }: { secret: string }) {
  const t = useTranslations("Webhooks");
  return (
    <section className="rounded-lg border border-emerald-300 bg-emerald-50 p-4">
      <h3 className="font-semibold text-emerald-950">{t("secretTitle")}</h3>
      <p role="alert" className="mt-1 text-sm font-medium text-emerald-950">
        {t("secretWarning")}
      </p>
      <input
        readOnly
        value={secret}
        aria-label={t("secretTitle")}
        onFocus={(event) => event.currentTarget.select()}
        className="mt-2 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 font-mono text-sm"
        data-testid="webhook-secret"
      />
    </section>
  );
}
