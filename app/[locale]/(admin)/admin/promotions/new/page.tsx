import type { Metadata } from "next";
import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ClientTranslations } from "@/app/_components/client-translations";
import { getPlanFormat } from "@/app/_components/plan-format";
import { requireStaff } from "@/lib/admin/guard";
import { listCatalog } from "@/lib/admin/catalog";
import { jstLocal } from "@/lib/time/jst";
import { Link } from "@/lib/i18n/navigation";
import { PromotionForm } from "./promotion-form";

type NewPromotionPageProps = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: NewPromotionPageProps): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "AdminPromotions" });
  return { title: t("form.title") };
}

const DAY_MS = 24 * 60 * 60 * 1000;

// Admins only (capability "promotions").
export default async function NewPromotionPage({ params }: NewPromotionPageProps) {
  setRequestLocale((await params).locale);
  await requireStaff("promotions", "/admin/promotions/new");
  const [t, planFormat, catalog] = await Promise.all([
    getTranslations("AdminPromotions"),
    getPlanFormat(),
    listCatalog(),
  ]);
  // A new code starts now and runs a month unless staff choose otherwise.
  const now = new Date();
  const defaults = { startsAt: jstLocal(now), endsAt: jstLocal(new Date(now.getTime() + 30 * DAY_MS)) };
  const plans = catalog.map((plan) => ({ id: plan.id, name: planFormat.name(plan), listed: plan.active }));

  return (
    <div className="max-w-2xl space-y-6">
      <Link href="/admin/promotions" className="text-sm text-brand-700 underline">
        {t("form.back")}
      </Link>
      <div>
        <h1 className="text-3xl font-bold tracking-tight">{t("form.title")}</h1>
        <p className="mt-2 text-slate-700">{t("form.lead")}</p>
      </div>
      <ClientTranslations messages={["AdminPromotions", "Errors"]}>
        <PromotionForm plans={plans} defaults={defaults} />
      </ClientTranslations>
    </div>
  );
}
