import type { Locale } from "next-intl";
import { getLocale, getTranslations, setRequestLocale } from "next-intl/server";
import { ClientTranslations } from "@/app/_components/client-translations";
import { carrierSummaries } from "@/lib/catalog/carriers";
import { FILTER_FOR_CARRIER } from "@/lib/catalog/plans";
import { Link } from "@/lib/i18n/navigation";
import { formatMoney } from "@/lib/money";
import { AccountCallToAction } from "./account-call-to-action";

const FLOW_STEPS = ["choose", "pay", "activate", "balance"] as const;
const TIPS = ["plan", "balance", "backup", "promotions"] as const;

export default async function HomePage({ params }: { params: Promise<{ locale: Locale }> }) {
  setRequestLocale((await params).locale);
  // The validated locale: the layout rejects unknown ones, but renders alongside this page.
  const locale = await getLocale();
  const [t, carriers] = await Promise.all([getTranslations("Home"), carrierSummaries()]);

  return (
    <>
      <section className="bg-gradient-to-b from-brand-50 to-white">
        <div className="mx-auto max-w-6xl px-4 py-16 sm:py-24">
          <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">{t("eyebrow")}</p>
          <h1 className="mt-3 max-w-3xl text-4xl font-bold tracking-tight sm:text-5xl">{t("title")}</h1>
          <p className="mt-5 max-w-2xl text-lg text-slate-700">{t("lead")}</p>
          <div className="mt-8 flex flex-wrap gap-3">
            <Link
              href="/plans"
              className="rounded-md bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-800"
            >
              {t("ctaPlans")}
            </Link>
            <ClientTranslations messages={["Home.accountCta"]}>
              <AccountCallToAction />
            </ClientTranslations>
          </div>
          <p className="mt-6 text-sm text-slate-600">{t("sandboxNote")}</p>
        </div>
      </section>

      <section
        id="how-it-works"
        aria-labelledby="how-it-works-title"
        className="mx-auto max-w-6xl scroll-mt-4 px-4 py-14"
      >
        <h2 id="how-it-works-title" className="text-2xl font-bold tracking-tight">
          {t("flowTitle")}
        </h2>
        <ol className="mt-8 grid gap-6 sm:grid-cols-2 lg:grid-cols-4">
          {FLOW_STEPS.map((step, index) => (
            <li key={step} className="rounded-xl border border-slate-200 p-5">
              <p className="text-sm font-semibold text-brand-700">{t("stepNumber", { number: index + 1 })}</p>
              <h3 className="mt-1 text-lg font-semibold">{t(`flow.${step}.title`)}</h3>
              <p className="mt-2 text-slate-700">{t(`flow.${step}.body`)}</p>
            </li>
          ))}
        </ol>
      </section>

      <section id="carriers" aria-labelledby="carriers-title" className="scroll-mt-4 bg-slate-50">
        <div className="mx-auto max-w-6xl px-4 py-14">
          <h2 id="carriers-title" className="text-2xl font-bold tracking-tight">
            {t("carriersTitle")}
          </h2>
          <p className="mt-2 text-slate-700">{t("carriersLead")}</p>
          <ul className="mt-8 grid gap-6 md:grid-cols-3">
            {carriers.map((carrier) => (
              <li key={carrier.code} className="rounded-xl border border-slate-200 bg-white p-5">
                <h3 className="text-lg font-semibold">
                  <Link
                    href={{ pathname: "/plans", query: { carrier: FILTER_FOR_CARRIER[carrier.code] } }}
                    className="hover:underline"
                  >
                    {carrier.name}
                  </Link>
                </h3>
                <p className="text-sm text-slate-600">
                  {t("network", { name: carrier.networkName, plmn: carrier.plmn })}
                </p>
                <p className="mt-3 text-slate-700">{t(`carrierNotes.${carrier.code}`)}</p>
                <p className="mt-4 flex items-baseline justify-between gap-2">
                  <span className="text-sm text-slate-600">{t("carrierPlans", { count: carrier.planCount })}</span>
                  {carrier.lowestPrice && (
                    <span className="text-lg font-semibold">
                      {t("fromPrice", { price: formatMoney(carrier.lowestPrice, locale) })}
                    </span>
                  )}
                </p>
              </li>
            ))}
          </ul>
        </div>
      </section>

      <section aria-labelledby="tips-title" className="mx-auto max-w-6xl px-4 py-14">
        <h2 id="tips-title" className="text-2xl font-bold tracking-tight">
          {t("tipsTitle")}
        </h2>
        <ul className="mt-8 grid gap-6 sm:grid-cols-2">
          {TIPS.map((tip) => (
            <li key={tip} className="border-l-4 border-brand-600 pl-4">
              <h3 className="font-semibold">{t(`tips.${tip}.title`)}</h3>
              <p className="mt-1 text-slate-700">{t(`tips.${tip}.body`)}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
