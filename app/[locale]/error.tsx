"use client";

import { useTranslations } from "next-intl";

// Shows a reference instead of the error itself: details stay in the server log.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("ErrorPage");
  return (
    <div role="alert" className="mx-auto max-w-xl px-4 py-20 text-center">
      <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
      <p className="mt-3 text-slate-700">{t("body")}</p>
      {error.digest && <p className="mt-2 text-sm text-slate-600">{t("reference", { digest: error.digest })}</p>}
      <button
        type="button"
        onClick={reset}
        className="mt-6 rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
      >
        {t("retry")}
      </button>
    </div>
  );
}
