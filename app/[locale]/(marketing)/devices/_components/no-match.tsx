import { getTranslations } from "next-intl/server";

const ADVICE = ["iphone", "android", "unlocked", "retry"] as const;

// Our list is never complete, so an empty result teaches the traveller to check the phone itself.
export async function NoMatch({ query }: { query: string }) {
  const t = await getTranslations("Devices.noMatch");
  return (
    <div className="mt-4 rounded-xl border border-dashed border-slate-300 p-6">
      <p className="text-lg font-semibold">{t("title", { query })}</p>
      <p className="mt-2 text-slate-700">{t("lead")}</p>
      <ul className="mt-3 list-disc space-y-2 pl-5 text-slate-700">
        {ADVICE.map((advice) => (
          <li key={advice}>{t(advice)}</li>
        ))}
      </ul>
    </div>
  );
}
