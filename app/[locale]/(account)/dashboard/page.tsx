import type { Metadata } from "next";
import type { Locale } from "next-intl";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { BalanceSummary } from "@/app/_components/balance-summary";
import { PlanName } from "@/app/_components/plan-name";
import { requireUser } from "@/lib/auth/session";
import { recentNotices } from "@/lib/balance/notices";
import { balancesOfUser } from "@/lib/balance/summary";
import { Link } from "@/lib/i18n/navigation";
import { ordersPreparingEsims } from "@/lib/orders/preparing";

type DashboardPageProps = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: DashboardPageProps): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "Dashboard" });
  return { title: t("title"), robots: { index: false } };
}

export default async function DashboardPage({ params }: DashboardPageProps) {
  setRequestLocale((await params).locale);
  const user = await requireUser("/dashboard");
  const [balances, notices, preparing, t, tEsim, tSmdp, format] = await Promise.all([
    balancesOfUser(user.id),
    recentNotices(user.id),
    ordersPreparingEsims(user.id),
    getTranslations("Dashboard"),
    getTranslations("Esim"),
    getTranslations("SmdpStatus"),
    getFormatter(),
  ]);

  return (
    <div className="mx-auto max-w-5xl space-y-8 px-4 py-12">
      <header>
        <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
        <p className="mt-2 text-slate-700">{t("lead")}</p>
      </header>

      {notices.length > 0 && (
        <section aria-labelledby="notices-title" className="rounded-xl border border-amber-300 bg-amber-50 p-5">
          <h2 id="notices-title" className="font-semibold text-amber-950">
            {t("noticesTitle")}
          </h2>
          <ul className="mt-2 space-y-1 text-amber-950" data-testid="notices">
            {notices.map((notice) => (
              <li key={notice.id}>
                <Link href={`/esims/${notice.esim.id}`} className="underline">
                  {t(`notices.${notice.kind}`, { iccid: notice.esim.iccid })}
                </Link>{" "}
                <span className="text-sm">
                  (
                  {t("noticeAt", {
                    dateTime: format.dateTime(notice.createdAt, { dateStyle: "medium", timeStyle: "short" }),
                  })}
                  )
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {preparing.length > 0 && (
        <ul className="space-y-2" data-testid="preparing-esims">
          {preparing.map((order) => (
            <li key={order.id} className="rounded-xl border border-slate-200 bg-slate-50 p-4 text-slate-800">
              {tSmdp("preparingOnDashboard", { reference: order.reference })}
            </li>
          ))}
        </ul>
      )}

      {balances.length === 0 && preparing.length === 0 ? (
        <p className="text-slate-700">
          {t("empty")}{" "}
          <Link href="/plans" className="font-semibold text-brand-700 underline">
            {t("browse")}
          </Link>
        </p>
      ) : (
        <ul className="space-y-6">
          {balances.map((balance) => (
            <li key={balance.id} className="rounded-xl border border-slate-200 p-6" data-testid="esim-balance">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="text-lg font-semibold">
                  <PlanName plan={balance.plan} />
                </h2>
                <span className="rounded bg-slate-100 px-2 py-0.5 text-sm font-medium">
                  {t(`status.${balance.status}`)} · {tEsim(`states.${balance.state}`)}
                </span>
              </div>
              <p className="mt-1 text-sm text-slate-600">
                ICCID <span className="font-mono">{balance.iccid}</span>
              </p>
              {balance.suspendedAt && (
                <p
                  className="mt-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950"
                  data-testid="esim-suspended"
                >
                  {t("suspended", {
                    dateTime: format.dateTime(balance.suspendedAt, { dateStyle: "medium", timeStyle: "short" }),
                  })}
                </p>
              )}
              <div className="mt-4">
                <BalanceSummary balance={balance} />
              </div>
              <Link href={`/esims/${balance.id}`} className="mt-4 inline-block font-semibold text-brand-700 underline">
                {t("details")}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <p className="text-sm text-slate-600">{t("usedFirst")}</p>
    </div>
  );
}
