import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { CatalogPlan } from "@/lib/catalog/plans";
import { formatMoney } from "@/lib/money";

type Pricing = Pick<CatalogPlan, "priceAmount" | "saleAmount" | "currency" | "saleEndsAt">;

export async function Price({ plan }: { plan: Pricing }) {
  const [t, format, locale] = await Promise.all([getTranslations("Catalog.price"), getFormatter(), getLocale()]);
  const price = formatMoney({ amount: plan.saleAmount, currency: plan.currency }, locale);

  if (plan.saleAmount >= plan.priceAmount) return <p className="text-2xl font-bold">{price}</p>;

  const listPrice = formatMoney({ amount: plan.priceAmount, currency: plan.currency }, locale);
  return (
    <div>
      <p className="flex flex-wrap items-baseline gap-x-2">
        <span className="text-2xl font-bold text-brand-700">{price}</span>
        {/* Screen readers do not announce strike-through, so they get the words instead. */}
        <s aria-hidden className="text-slate-600">
          {listPrice}
        </s>
        <span className="sr-only">{t("was", { price: listPrice })}</span>
      </p>
      {plan.saleEndsAt && (
        <p className="mt-1 text-sm text-slate-700">
          {t("saleEnds", { dateTime: format.dateTime(plan.saleEndsAt, { dateStyle: "medium", timeStyle: "short" }) })}
        </p>
      )}
    </div>
  );
}
