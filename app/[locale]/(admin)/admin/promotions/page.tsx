import type { Metadata } from "next";
import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireStaff } from "@/lib/admin/guard";
import { listPromotions, promotionState } from "@/lib/admin/promotions";
import { Link } from "@/lib/i18n/navigation";
import { promotionText } from "./promotion-text";

type PromotionsPageProps = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: PromotionsPageProps): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "AdminPromotions" });
  return { title: t("title") };
}

// Admins only (capability "promotions").
export default async function PromotionsPage({ params }: PromotionsPageProps) {
  setRequestLocale((await params).locale);
  await requireStaff("promotions", "/admin/promotions");
  const [t, text, promotions] = await Promise.all([
    getTranslations("AdminPromotions"),
    promotionText(),
    listPromotions(),
  ]);
  const now = new Date();

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
          <p className="mt-2 max-w-2xl text-slate-700">{t("lead")}</p>
        </div>
        <Link
          href="/admin/promotions/new"
          data-testid="new-promotion"
          className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
        >
          {t("newCode")}
        </Link>
      </div>
      {promotions.length === 0 ? (
        <p className="text-slate-700">{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[60rem] text-left text-sm" data-testid="promotions-table">
            <thead className="border-b border-slate-300 text-slate-600">
              <tr>
                {(["code", "kind", "value", "window", "appliesTo", "redemptions", "state"] as const).map((column) => (
                  <th key={column} scope="col" className="py-2 pr-4 font-medium">
                    {t(`columns.${column}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {promotions.map((promotion) => (
                <tr
                  key={promotion.id}
                  className="border-b border-slate-200"
                  data-testid={`promotion-${promotion.slug}`}
                >
                  <th scope="row" className="py-2 pr-4 font-semibold">
                    <Link href={`/admin/promotions/${promotion.id}`} className="text-brand-700 underline">
                      {promotion.code ?? `${promotion.slug} ${t("noCode")}`}
                    </Link>
                  </th>
                  <td className="py-2 pr-4">{t(`kinds.${promotion.kind}`)}</td>
                  <td className="py-2 pr-4">{text.value(promotion)}</td>
                  <td className="py-2 pr-4">{text.window(promotion)}</td>
                  <td className="py-2 pr-4">{text.appliesTo(promotion)}</td>
                  <td className="py-2 pr-4">{text.redemptions(promotion)}</td>
                  <td className="py-2 pr-4" data-testid="promotion-state">
                    {t(`states.${promotionState(promotion, now)}`)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
