import { getTranslations } from "next-intl/server";
import type { CatalogPlan } from "@/lib/catalog/plans";
import { getPlanFormat } from "@/app/_components/plan-format";

export async function PlanFacts({ plan }: { plan: CatalogPlan }) {
  const [t, format] = await Promise.all([getTranslations("Catalog.facts"), getPlanFormat()]);
  const fairUse = format.fairUse(plan);

  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2">
      <dt className="text-slate-600">{t("data")}</dt>
      <dd>
        <span className="font-semibold">{format.allowance(plan)}</span>
        {fairUse && <span className="block text-sm text-slate-700">{t("fairUse", fairUse)}</span>}
      </dd>
      <dt className="text-slate-600">{t("validity")}</dt>
      <dd className="font-semibold">{t("days", { days: plan.days })}</dd>
      <dt className="text-slate-600">{t("calls")}</dt>
      <dd className="font-semibold">{t("minutes", { minutes: plan.voiceMinutes })}</dd>
    </dl>
  );
}
