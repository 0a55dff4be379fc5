import { getTranslations } from "next-intl/server";
import type { CatalogPlan } from "@/lib/catalog/plans";

type Offers = Pick<CatalogPlan, "priceAmount" | "saleAmount" | "buyOneGetOne">;

const badge = "rounded-full px-3 py-1 text-sm font-semibold";

export async function OfferBadges({ plan }: { plan: Offers }) {
  const onSale = plan.saleAmount < plan.priceAmount;
  if (!onSale && !plan.buyOneGetOne) return null;
  const t = await getTranslations("Catalog.offers");

  return (
    <ul className="flex flex-wrap gap-2">
      {onSale && (
        <li className={`${badge} bg-brand-700 text-white`}>
          {t("sale", { percent: Math.round((100 * (plan.priceAmount - plan.saleAmount)) / plan.priceAmount) })}
        </li>
      )}
      {plan.buyOneGetOne && (
        <li className={`${badge} bg-brand-50 text-brand-800 ring-1 ring-brand-700`}>{t("bogo")}</li>
      )}
    </ul>
  );
}
