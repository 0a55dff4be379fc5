import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import type { PlanFilters } from "@/lib/validation/catalog";
import { plansHref } from "./plans-href";

// Each kind of trip and the filters that show the plans suited to it.
const TIPS = [
  { tip: "short", filters: { kind: "data", duration: "week" } },
  { tip: "medium", filters: { kind: "data", duration: "month" } },
  { tip: "heavy", filters: { kind: "unlimited" } },
  { tip: "long", filters: { kind: "unlimited", duration: "long" } },
  { tip: "calls", filters: { kind: "data" } },
  { tip: "rural", filters: { carrier: "docomo" } },
] as const satisfies { tip: string; filters: PlanFilters }[];

export async function PlanGuide() {
  const t = await getTranslations("Catalog.guide");

  return (
    <section aria-labelledby="guide-title" className="rounded-xl bg-brand-50 p-5">
      <h2 id="guide-title" className="text-xl font-semibold">
        {t("title")}
      </h2>
      <p className="mt-1 text-slate-700">{t("lead")}</p>
      <ul className="mt-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {TIPS.map(({ tip, filters }) => (
          <li key={tip} className="rounded-lg bg-white p-4">
            <p>{t(`tips.${tip}.situation`)}</p>
            <p className="mt-1">
              <span aria-hidden className="text-slate-600">
                →{" "}
              </span>
              <Link href={plansHref(filters)} className="font-semibold text-brand-700 underline">
                {t(`tips.${tip}.pick`)}
              </Link>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
