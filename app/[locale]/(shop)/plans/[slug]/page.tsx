import type { Metadata } from "next";
import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { shownPlan } from "@/lib/catalog/cached";
import { Link } from "@/lib/i18n/navigation";
import { planSlugSchema } from "@/lib/validation/catalog";
import { validOrUndefined } from "@/lib/validation/parse";
import { OfferBadges } from "../_components/offer-badges";
import { PlanFacts } from "../_components/plan-facts";
import { getPlanFormat } from "@/app/_components/plan-format";
import { Price } from "../_components/price";

type PlanPageProps = { params: Promise<{ locale: Locale; slug: string }> };

// Shared by the metadata and the page within one request.
const findPlan = cache(async (slug: string) => {
  const valid = validOrUndefined(planSlugSchema, slug);
  return valid ? shownPlan(valid) : null;
});

export async function generateMetadata({ params }: PlanPageProps): Promise<Metadata> {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const plan = await findPlan(slug);
  if (!plan) return {};
  const format = await getPlanFormat();
  return { title: format.name(plan) };
}

export default async function PlanPage({ params }: PlanPageProps) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const plan = await findPlan(slug);
  if (!plan) notFound();
  const [t, tHome, tDevices, format] = await Promise.all([
    getTranslations("Catalog.detail"),
    getTranslations("Home"),
    getTranslations("Devices.links"),
    getPlanFormat(),
  ]);
  const fairUse = format.fairUse(plan);

  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <Link href="/plans" className="font-semibold text-brand-700 underline">
        <span aria-hidden>← </span>
        {t("allPlans")}
      </Link>
      <div className="mt-6 grid gap-8 lg:grid-cols-[1fr_20rem]">
        <div className="space-y-6">
          <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{format.name(plan)}</h1>
          <OfferBadges plan={plan} />
          <section aria-labelledby="included-title" className="rounded-xl border border-slate-200 p-5">
            <h2 id="included-title" className="mb-4 text-xl font-semibold">
              {t("included")}
            </h2>
            <PlanFacts plan={plan} />
          </section>
        </div>

        {/* Second in reading order, so on a phone the price comes right after what the plan includes. */}
        <aside
          aria-labelledby="price-title"
          className="space-y-4 self-start rounded-xl border-2 border-brand-700 p-5 lg:sticky lg:top-4 lg:col-start-2 lg:row-span-2 lg:row-start-1"
        >
          <h2 id="price-title" className="text-xl font-semibold">
            {t("priceTitle")}
          </h2>
          <Price plan={plan} />
          {plan.buyOneGetOne && <p className="text-slate-700">{t("bogoNote")}</p>}
          <Link
            href={`/plans/${plan.slug}/checkout`}
            className="block rounded-md bg-brand-700 px-5 py-3 text-center text-lg font-semibold text-white hover:bg-brand-800"
          >
            {t("buyNow")}
          </Link>
          <Link href="/devices" className="block text-center font-semibold text-brand-700 underline">
            {tDevices("check")}
          </Link>
        </aside>

        <div className="space-y-8">
          {fairUse && (
            <section aria-labelledby="fair-use-title" className="border-l-4 border-brand-700 pl-4">
              <h2 id="fair-use-title" className="text-xl font-semibold">
                {t("fairUseTitle")}
              </h2>
              <p className="mt-2 text-slate-800">{t("fairUseBody", fairUse)}</p>
              <p className="mt-2 text-slate-700">{t("fairUseHint", { speed: fairUse.speed })}</p>
            </section>
          )}
          <section aria-labelledby="validity-title">
            <h2 id="validity-title" className="text-xl font-semibold">
              {t("validityTitle")}
            </h2>
            <p className="mt-2 text-slate-700">{t("validityStart", { days: plan.days })}</p>
            <p className="mt-2 text-slate-700">{t("validityEnd", { days: plan.days })}</p>
          </section>
          <section aria-labelledby="network-title">
            <h2 id="network-title" className="text-xl font-semibold">
              {t("networkTitle")}
            </h2>
            <p className="mt-2 text-slate-700">
              {t("networkBody", { name: plan.carrier.networkName, plmn: plan.carrier.plmn })}
            </p>
            <p className="mt-2 text-slate-700">{tHome(`carrierNotes.${plan.carrierCode}`)}</p>
          </section>
          <section aria-labelledby="device-title">
            <h2 id="device-title" className="text-xl font-semibold">
              {t("deviceTitle")}
            </h2>
            <p className="mt-2 text-slate-700">{t("deviceBody")}</p>
          </section>
        </div>
      </div>
    </div>
  );
}
