import { getTranslations } from "next-intl/server";
import type { CatalogPlan } from "@/lib/catalog/plans";
import { Link } from "@/lib/i18n/navigation";
import { OfferBadges } from "./offer-badges";
import { PlanFacts } from "./plan-facts";
import { getPlanFormat } from "@/app/_components/plan-format";
import { Price } from "./price";

export async function PlanCard({ plan }: { plan: CatalogPlan }) {
  const [tHome, format] = await Promise.all([getTranslations("Home"), getPlanFormat()]);
  const titleId = `plan-${plan.slug}`;

  return (
    <article
      aria-labelledby={titleId}
      className="relative flex h-full flex-col gap-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm hover:border-brand-700"
    >
      <OfferBadges plan={plan} />
      <div>
        <h3 id={titleId} className="text-lg font-semibold">
          {/* The link covers the whole card, so any part of it opens the plan. */}
          <Link href={`/plans/${plan.slug}`} className="after:absolute after:inset-0 hover:underline">
            {format.name(plan)}
          </Link>
        </h3>
        <p className="text-sm text-slate-600">
          {tHome("network", { name: plan.carrier.networkName, plmn: plan.carrier.plmn })}
        </p>
      </div>
      <PlanFacts plan={plan} />
      <div className="mt-auto border-t border-slate-200 pt-4">
        <Price plan={plan} />
      </div>
    </article>
  );
}
