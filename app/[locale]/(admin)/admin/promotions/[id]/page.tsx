import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ClientTranslations } from "@/app/_components/client-translations";
import { requireStaff } from "@/lib/admin/guard";
import { promotionState, promotionWithRedemptions } from "@/lib/admin/promotions";
import { Link } from "@/lib/i18n/navigation";
import { jstLocal } from "@/lib/time/jst";
import { promotionText } from "../promotion-text";
import { EditPromotionForm, EndPromotionForm } from "./promotion-forms";

type PromotionPageProps = { params: Promise<{ locale: Locale; id: string }> };

export async function generateMetadata({ params }: PromotionPageProps): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "AdminPromotions" });
  return { title: t("title") };
}

// Admins only (capability "promotions"); an unknown promotion is a 404.
export default async function PromotionPage({ params }: PromotionPageProps) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  await requireStaff("promotions", `/admin/promotions/${encodeURIComponent(id)}`);
  const promotion = await promotionWithRedemptions(id);
  if (!promotion) notFound();
  const [t, text] = await Promise.all([getTranslations("AdminPromotions"), promotionText()]);
  const state = promotionState(promotion, new Date());
  const facts = [
    [t("columns.kind"), t(`kinds.${promotion.kind}`)],
    [t("columns.value"), text.value(promotion)],
    [t("columns.window"), text.window(promotion)],
    [t("columns.appliesTo"), text.appliesTo(promotion)],
    [t("columns.redemptions"), text.redemptions(promotion)],
    [t("columns.state"), t(`states.${state}`)],
  ];

  return (
    <div className="space-y-8">
      <Link href="/admin/promotions" className="text-sm text-brand-700 underline">
        {t("detail.back")}
      </Link>
      <h1 className="text-3xl font-bold tracking-tight">{promotion.code ?? `${promotion.slug} ${t("noCode")}`}</h1>
      <section aria-labelledby="facts">
        <h2 id="facts" className="sr-only">
          {t("detail.facts")}
        </h2>
        <dl className="grid max-w-3xl gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          {facts.map(([term, value]) => (
            <div key={term} className="contents">
              <dt className="font-medium text-slate-600">{term}</dt>
              <dd data-testid={`promotion-${term}`}>{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      {state === "ended" ? (
        <p className="text-slate-700">{t("detail.alreadyEnded")}</p>
      ) : (
        <ClientTranslations messages={["AdminPromotions", "Errors"]}>
          <section aria-labelledby="edit" className="max-w-2xl space-y-3">
            <h2 id="edit" className="text-xl font-semibold">
              {t("detail.editTitle")}
            </h2>
            <p className="text-slate-700">{t("detail.editLead", { count: promotion.redemptionCount })}</p>
            <EditPromotionForm
              promotionId={promotion.id}
              startsAt={jstLocal(promotion.startsAt)}
              endsAt={jstLocal(promotion.endsAt)}
              maxRedemptions={promotion.maxRedemptions?.toString() ?? ""}
            />
          </section>
          <section aria-labelledby="end" className="max-w-2xl space-y-3">
            <h2 id="end" className="text-xl font-semibold">
              {t("detail.endTitle")}
            </h2>
            <p className="text-slate-700">{t("detail.endLead")}</p>
            <EndPromotionForm promotionId={promotion.id} />
          </section>
        </ClientTranslations>
      )}
      <section aria-labelledby="redemptions" className="space-y-3">
        <h2 id="redemptions" className="text-xl font-semibold">
          {t("detail.redemptionsTitle")}
        </h2>
        {promotion.redemptions.length === 0 ? (
          <p className="text-slate-700">{t("detail.redemptionsEmpty")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[40rem] text-left text-sm" data-testid="redemptions-table">
              <thead className="border-b border-slate-300 text-slate-600">
                <tr>
                  {(["order", "buyer", "discount", "total", "time"] as const).map((column) => (
                    <th key={column} scope="col" className="py-2 pr-4 font-medium">
                      {t(`detail.columns.${column}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {promotion.redemptions.map((redemption) => (
                  <tr key={redemption.reference} className="border-b border-slate-200">
                    <th scope="row" className="py-2 pr-4 font-mono font-semibold">
                      <Link href={`/admin/orders/${redemption.reference}`} className="text-brand-700 underline">
                        {redemption.reference}
                      </Link>
                    </th>
                    <td className="py-2 pr-4">{redemption.user.email}</td>
                    <td className="py-2 pr-4">{text.money(redemption.discountAmount, redemption.currency)}</td>
                    <td className="py-2 pr-4">{text.money(redemption.totalAmount, redemption.currency)}</td>
                    <td className="py-2 pr-4">{text.dateTime(redemption.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {promotion.redemptions.length < promotion.redemptionCount && (
              <p className="mt-2 text-sm text-slate-600">
                {t("detail.redemptionsMore", { count: promotion.redemptions.length })}
              </p>
            )}
          </div>
        )}
      </section>
    </div>
  );
}
