import { getTranslations } from "next-intl/server";
import { shownPlans } from "@/lib/catalog/cached";
import { Link } from "@/lib/i18n/navigation";
import type { PlanFilters as Filters } from "@/lib/validation/catalog";
import { PlanCard } from "./plan-card";
import { PlanFilters } from "./plan-filters";
import { PlanGuide } from "./plan-guide";
import { plansHref } from "./plans-href";

export async function PlanCatalog({ filters }: { filters: Filters }) {
  const [t, plans] = await Promise.all([getTranslations("Catalog.list"), shownPlans(filters)]);

  return (
    <div className="mx-auto max-w-6xl space-y-8 px-4 py-10 sm:py-14">
      <div>
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{t("title")}</h1>
        <p className="mt-3 max-w-2xl text-lg text-slate-700">{t("lead")}</p>
      </div>
      <PlanGuide />
      <PlanFilters filters={filters} />
      <section aria-labelledby="results-title">
        <h2 id="results-title" className="text-xl font-semibold">
          {t("results", { count: plans.length })}
        </h2>
        {plans.length > 0 ? (
          <ul className="mt-4 grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
            {plans.map((plan) => (
              <li key={plan.id}>
                <PlanCard plan={plan} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-4 rounded-xl border border-dashed border-slate-300 p-8 text-center text-slate-700">
            {t("empty")}{" "}
            <Link href={plansHref({})} className="font-semibold text-brand-700 underline">
              {t("showAll")}
            </Link>
          </p>
        )}
      </section>
    </div>
  );
}
