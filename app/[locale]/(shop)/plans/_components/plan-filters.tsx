import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { CARRIER_FILTERS, DURATION_FILTERS, KIND_FILTERS, type PlanFilters as Filters } from "@/lib/validation/catalog";
import { plansHref } from "./plans-href";

const GROUPS = { carrier: CARRIER_FILTERS, kind: KIND_FILTERS, duration: DURATION_FILTERS };
type Group = keyof typeof GROUPS;

// Plain links rather than a form: each choice is a URL, so filtering works without JavaScript
// and a filtered list can be bookmarked or shared.
export async function PlanFilters({ filters }: { filters: Filters }) {
  const t = await getTranslations("Catalog.filters");
  const filtered = Object.values(filters).some(Boolean);

  return (
    <section
      id="filters"
      aria-labelledby="filters-title"
      className="scroll-mt-4 rounded-xl border border-slate-200 p-5"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="filters-title" className="text-xl font-semibold">
          {t("title")}
        </h2>
        {filtered && (
          <Link href={plansHref({})} className="font-semibold text-brand-700 underline">
            {t("clear")}
          </Link>
        )}
      </div>
      <div className="mt-4 grid gap-4 md:grid-cols-3">
        {(Object.keys(GROUPS) as Group[]).map((group) => (
          <div key={group} role="group" aria-labelledby={`filter-${group}`}>
            <h3 id={`filter-${group}`} className="text-sm font-semibold text-slate-700">
              {t(`groups.${group}`)}
            </h3>
            <ul className="mt-2 flex flex-wrap gap-2">
              {[undefined, ...GROUPS[group]].map((value) => {
                const active = filters[group] === value;
                return (
                  <li key={value ?? "all"}>
                    <Link
                      href={plansHref({ ...filters, [group]: value })}
                      aria-current={active ? "true" : undefined}
                      className="inline-block rounded-full border border-slate-300 px-3 py-1 text-sm hover:border-slate-900 aria-[current]:border-slate-900 aria-[current]:bg-slate-900 aria-[current]:font-semibold aria-[current]:text-white"
                    >
                      {/* A tick, so the choice does not rest on colour alone. */}
                      {active && <span aria-hidden>✓ </span>}
                      {value ? t(`options.${value}`) : t("all")}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
      </div>
    </section>
  );
}
