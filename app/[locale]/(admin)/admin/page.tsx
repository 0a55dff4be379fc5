import type { Metadata } from "next";
import type { Locale } from "next-intl";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { requireStaff } from "@/lib/admin/guard";
import { overviewFigures, refundsToSettle } from "@/lib/admin/overview";
import { Link } from "@/lib/i18n/navigation";
import { formatMoney } from "@/lib/money";
import { fromJstLocal } from "@/lib/time/jst";
import { DailyBars } from "./_components/daily-bars";

type OverviewPageProps = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: OverviewPageProps): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "AdminOverview" });
  return { title: t("title") };
}

// Any staff member (capability "view"): today's figures, Japan time, and the last two weeks.
export default async function OverviewPage({ params }: OverviewPageProps) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireStaff("view", "/admin");
  const [t, format, { today, days }, toSettle] = await Promise.all([
    getTranslations("AdminOverview"),
    getFormatter(),
    overviewFigures(),
    refundsToSettle(),
  ]);
  const yen = (amount: number) => formatMoney({ amount, currency: "JPY" }, locale);
  const count = (value: number) => format.number(value);
  // Noon of the Japan day, so the formatter (set to Japan time) names that day.
  const dayName = (date: string) => format.dateTime(fromJstLocal(`${date}T12:00`), { dateStyle: "full" });

  const cards = [
    { key: "ordersPaid", value: count(today.ordersPaid) },
    { key: "revenue", value: yen(today.revenue) },
    {
      key: "refunds",
      value: yen(today.refundedAmount),
      detail: t("refundCount", { count: today.refunds }),
    },
    { key: "netRevenue", value: yen(today.netRevenue) },
    { key: "esimsActivated", value: count(today.esimsActivated) },
    { key: "emailsFailed", value: count(today.emailsFailed), href: "/admin/outbox?status=FAILED" },
    { key: "jobsFailed", value: count(today.jobsFailed), detail: t("jobsGivenUp", { count: today.jobsGivenUp }) },
    // Not a day's figure: every one still waiting for a person, listed below.
    { key: "refundsFailed", value: count(toSettle.count), detail: t("refundsFailedDetail") },
  ] as const;

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
        <p className="mt-2 text-slate-700">{t("lead", { day: dayName(today.date) })}</p>
      </div>
      <dl className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4" data-testid="overview-today">
        {cards.map((card) => (
          <div key={card.key} className="rounded-lg border border-slate-200 p-4" data-testid={`overview-${card.key}`}>
            <dt className="text-sm text-slate-600">{t(`figures.${card.key}`)}</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums">
              {"href" in card ? (
                <Link href={card.href} className="text-brand-700 underline">
                  {card.value}
                </Link>
              ) : (
                card.value
              )}
            </dd>
            {"detail" in card && <dd className="mt-1 text-sm text-slate-600">{card.detail}</dd>}
          </div>
        ))}
      </dl>
      <p className="text-sm text-slate-600">{t("notes")}</p>
      <section aria-labelledby="refunds-to-settle" className="space-y-3" data-testid="refunds-to-settle">
        <h2 id="refunds-to-settle" className="text-xl font-semibold">
          {t("toSettle.title")}
        </h2>
        {toSettle.count === 0 ? (
          <p className="text-slate-700">{t("toSettle.none")}</p>
        ) : (
          <>
            <p className="max-w-3xl text-slate-700">
              {t("toSettle.lead", { count: toSettle.count, shown: toSettle.orders.length })}
            </p>
            <ul className="space-y-1">
              {toSettle.orders.map((order) => (
                <li key={order.id} data-testid={`refund-to-settle-${order.reference}`}>
                  <Link href={`/admin/orders/${order.reference}`} className="font-mono text-brand-700 underline">
                    {order.reference}
                  </Link>{" "}
                  <span className="text-slate-700">
                    {t("toSettle.entry", {
                      amount: formatMoney({ amount: order.totalAmount, currency: order.currency }, locale),
                      at: format.dateTime(order.refundFailedAt!, { dateStyle: "medium", timeStyle: "short" }),
                      hasReason: order.refundFailureReason ? "yes" : "no",
                      reason: order.refundFailureReason ?? "",
                    })}
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section aria-labelledby="overview-days" className="space-y-4">
        <h2 id="overview-days" className="text-xl font-semibold">
          {t("lastDays", { days: days.length })}
        </h2>
        <div className="grid gap-4 lg:grid-cols-2">
          <DailyBars
            id="overview-orders-chart"
            title={t("ordersChart")}
            dayHeading={t("day")}
            valueHeading={t("figures.ordersPaid")}
            days={days.map((day) => ({ date: day.date, value: day.ordersPaid, label: count(day.ordersPaid) }))}
          />
          <DailyBars
            id="overview-revenue-chart"
            title={t("revenueChart")}
            dayHeading={t("day")}
            valueHeading={t("figures.revenue")}
            days={days.map((day) => ({ date: day.date, value: day.revenue, label: yen(day.revenue) }))}
          />
        </div>
      </section>
    </div>
  );
}
