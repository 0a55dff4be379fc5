import type { Metadata } from "next";
import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ClientTranslations } from "@/app/_components/client-translations";
import { getPlanFormat } from "@/app/_components/plan-format";
import { listCatalog, saleState } from "@/lib/admin/catalog";
import { requireStaff } from "@/lib/admin/guard";
import { promotionText } from "../promotions/promotion-text";
import { endPlanSaleAction, restorePlanAction, withdrawPlanAction } from "./actions";
import { PlanSaleForm } from "./plan-sale-form";

type CatalogPageProps = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: CatalogPageProps): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "AdminCatalog" });
  return { title: t("title") };
}

const BUTTON = "rounded-md border border-slate-400 px-3 py-1.5 text-sm font-medium hover:bg-slate-100";

// Admins only (capability "catalog").
export default async function CatalogPage({ params }: CatalogPageProps) {
  setRequestLocale((await params).locale);
  await requireStaff("catalog", "/admin/catalog");
  const [t, planFormat, text, plans] = await Promise.all([
    getTranslations("AdminCatalog"),
    getPlanFormat(),
    promotionText(),
    listCatalog(),
  ]);
  const now = new Date();

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
        <p className="mt-2 max-w-3xl text-slate-700">{t("lead")}</p>
      </div>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[64rem] text-left text-sm" data-testid="catalog-table">
          <thead className="border-b border-slate-300 text-slate-600">
            <tr>
              {(["plan", "carrier", "price", "sale", "listed", "actions"] as const).map((column) => (
                <th key={column} scope="col" className="py-2 pr-4 font-medium">
                  {t(`columns.${column}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {plans.map((plan) => {
              const sale = saleState(plan, now);
              const price = text.money(plan.priceAmount, plan.currency);
              const salePrice = text.money(plan.salePriceAmount ?? 0, plan.currency);
              return (
                <tr key={plan.id} className="border-b border-slate-200 align-top" data-testid={`plan-${plan.slug}`}>
                  <th scope="row" className="py-3 pr-4 font-semibold">
                    {planFormat.name(plan)}
                    <span className="block font-mono text-xs font-normal text-slate-500">{plan.slug}</span>
                  </th>
                  <td className="py-3 pr-4">{plan.carrier.name}</td>
                  <td className="py-3 pr-4">{price}</td>
                  <td className="py-3 pr-4" data-testid="plan-sale">
                    {sale === "none"
                      ? t("sale.none")
                      : t(`sale.${sale}`, {
                          price: salePrice,
                          start: text.dateTime(plan.saleStartsAt ?? now),
                          end: text.dateTime(plan.saleEndsAt ?? now),
                        })}
                  </td>
                  <td className="py-3 pr-4" data-testid="plan-listed">
                    {plan.active ? t("listed") : t("withdrawn")}
                  </td>
                  <td className="space-y-2 py-3 pr-4">
                    <div className="flex flex-wrap gap-2">
                      {sale !== "none" && (
                        <form action={endPlanSaleAction}>
                          <input type="hidden" name="planId" value={plan.id} />
                          <button type="submit" className={BUTTON}>
                            {t("endSale")}
                          </button>
                        </form>
                      )}
                      <form action={plan.active ? withdrawPlanAction : restorePlanAction}>
                        <input type="hidden" name="planId" value={plan.id} />
                        <button type="submit" className={BUTTON}>
                          {plan.active ? t("withdraw") : t("restore")}
                        </button>
                      </form>
                    </div>
                    <details>
                      <summary className="cursor-pointer text-brand-700 underline">{t("saleForm.save")}</summary>
                      <ClientTranslations messages={["AdminCatalog", "Errors"]}>
                        <PlanSaleForm planId={plan.id} planName={planFormat.name(plan)} price={price} />
                      </ClientTranslations>
                    </details>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
