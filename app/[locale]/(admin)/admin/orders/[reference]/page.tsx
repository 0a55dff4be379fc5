import { randomBytes } from "node:crypto";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { Locale } from "next-intl";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { ClientTranslations } from "@/app/_components/client-translations";
import { getPlanFormat } from "@/app/_components/plan-format";
import { PaymentMethodText } from "@/app/_components/payment-method-text";
import { can } from "@/lib/admin/capabilities";
import { requireStaff } from "@/lib/admin/guard";
import { orderStory } from "@/lib/admin/order-story";
import { AWAITING_EVIDENCE } from "@/lib/disputes/statuses";
import { env } from "@/lib/env";
import { Link } from "@/lib/i18n/navigation";
import { formatMoney } from "@/lib/money";
import { isDelivered } from "@/lib/orders/order-refunds";
import { paymentMethodOfOrder } from "@/lib/orders/payment-method";
import { EvidenceForm, OrderNoteForm, RefundForm } from "./order-forms";
import { OrderTimeline } from "./order-timeline";

type OrderPageProps = { params: Promise<{ locale: Locale; reference: string }> };

export async function generateMetadata({ params }: OrderPageProps): Promise<Metadata> {
  const { locale, reference } = await params;
  const t = await getTranslations({ locale, namespace: "AdminOrder" });
  return { title: t("title", { reference: reference.toUpperCase() }) };
}

// Staff (capability "view"); the forms show to those whose role may use them. An unknown
// reference is a 404.
export default async function OrderPage({ params }: OrderPageProps) {
  const { locale, reference } = await params;
  setRequestLocale(locale);
  const staff = await requireStaff("view", `/admin/orders/${encodeURIComponent(reference)}`);
  const story = await orderStory(reference);
  if (!story) notFound();
  const { order, timeline, remaining, refunded } = story;
  const [t, tOrders, format, planFormat] = await Promise.all([
    getTranslations("AdminOrder"),
    getTranslations("Orders"),
    getFormatter(),
    getPlanFormat(),
  ]);
  const money = (amount: number) => formatMoney({ amount, currency: order.currency }, locale);
  const dateTime = (instant: Date) => format.dateTime(instant, { dateStyle: "medium", timeStyle: "short" });
  const item = order.plan
    ? planFormat.name(order.plan)
    : order.topUpPack
      ? t("topUpFor", { pack: order.topUpPack.slug, iccid: order.esim?.iccid ?? "" })
      : "";
  const paidWith = order.paidAt ? paymentMethodOfOrder(order) : undefined;
  const facts: [string, React.ReactNode][] = [
    [t("status"), tOrders(`statuses.${order.status}`)],
    [
      t("buyer"),
      <Link key="buyer" href={`/admin/customers/${order.user.id}`} className="text-brand-700 underline">
        {order.user.name} ({order.user.email})
      </Link>,
    ],
    [t("item"), item],
    [t("quantity"), order.quantity],
    [t("unitPrice"), money(order.unitAmount)],
    [t("subtotal"), money(order.subtotalAmount)],
    [t("discount"), money(order.discountAmount)],
    [t("total"), money(order.totalAmount)],
    [t("refunded"), money(refunded)],
    [t("leftToRefund"), money(isDelivered(order.status) ? remaining : 0)],
    [
      t("promotion"),
      order.promotion ? (
        <Link key="promotion" href={`/admin/promotions/${order.promotion.id}`} className="text-brand-700 underline">
          {order.promotion.code ?? order.promotion.slug}
        </Link>
      ) : (
        t("noPromotion")
      ),
    ],
    [t("paymentMethod"), paidWith ? <PaymentMethodText key="method" method={paidWith} /> : t("notPaidYet")],
    [t("paymentIds"), [order.paymentSessionId, order.paymentIntentId].filter(Boolean).join(" · ")],
    [t("created"), dateTime(order.createdAt)],
  ];
  const refundable = isDelivered(order.status) && remaining > 0;

  return (
    <div className="space-y-10">
      <div>
        <Link href="/admin/search" className="text-sm text-brand-700 underline">
          {t("back")}
        </Link>
        <h1 className="mt-2 font-mono text-3xl font-bold tracking-tight">
          {t("title", { reference: story.reference })}
        </h1>
      </div>
      {order.refundFailedAt && (
        <section
          aria-labelledby="refund-failed"
          className="max-w-3xl space-y-2 rounded-lg border border-red-300 bg-red-50 p-4 text-red-900"
          data-testid="refund-failed"
        >
          <h2 id="refund-failed" className="text-lg font-semibold">
            {t("refundFailed.title")}
          </h2>
          <p>{t("refundFailed.lead", { at: dateTime(order.refundFailedAt) })}</p>
          <p data-testid="refund-failed-reason">
            {order.refundFailureReason
              ? t("refundFailed.reason", { reason: order.refundFailureReason })
              : t("refundFailed.noReason")}
          </p>
        </section>
      )}
      <section aria-labelledby="facts" className="grid gap-8 lg:grid-cols-2">
        <div>
          <h2 id="facts" className="text-xl font-semibold">
            {t("facts")}
          </h2>
          <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]" data-testid="order-facts">
            {facts.map(([term, value]) => (
              <div key={term} className="contents">
                <dt className="font-medium text-slate-600">{term}</dt>
                <dd className="break-all">{value}</dd>
              </div>
            ))}
          </dl>
        </div>
        <div>
          <h2 className="text-xl font-semibold">{t("esims")}</h2>
          {order.esimProfiles.length === 0 ? (
            <p className="mt-3 text-slate-700">{t("noEsims")}</p>
          ) : (
            <ul className="mt-3 space-y-1">
              {order.esimProfiles.map((esim) => (
                <li key={esim.id}>
                  <Link href={`/admin/esims/${esim.id}`} className="font-mono text-brand-700 underline">
                    {esim.iccid}
                  </Link>{" "}
                  <span className="text-slate-600">{esim.state}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </section>

      <ClientTranslations messages={["AdminOrder", "Errors"]}>
        {can(staff.role, "refund") && isDelivered(order.status) && (
          <section aria-labelledby="refund" className="space-y-3">
            <h2 id="refund" className="text-xl font-semibold">
              {t("refund.title")}
            </h2>
            {refundable ? (
              <>
                <p className="max-w-3xl text-slate-700">{t("refund.lead", { remaining: money(remaining) })}</p>
                {staff.role === "SUPPORT" && (
                  <p className="max-w-3xl text-slate-700">
                    {t("refund.supportLimit", { limit: money(env().SUPPORT_REFUND_LIMIT_JPY) })}
                  </p>
                )}
                <RefundForm
                  orderId={order.id}
                  idempotencyKey={randomBytes(18).toString("base64url")}
                  remaining={remaining}
                  currency={order.currency}
                />
              </>
            ) : (
              <p className="text-slate-700">{t("refund.nothingLeft")}</p>
            )}
          </section>
        )}

        {order.disputes.length > 0 && (
          <section aria-labelledby="disputes" className="space-y-4">
            <h2 id="disputes" className="text-xl font-semibold">
              {t("disputes.title")}
            </h2>
            {order.disputes.map((dispute) => (
              <div key={dispute.id} className="rounded-lg border border-slate-300 p-4" data-testid="dispute">
                <p className="font-mono text-sm">{dispute.id}</p>
                <dl className="mt-2 grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
                  <dt className="font-medium text-slate-600">{t("disputes.reason")}</dt>
                  <dd>{dispute.reason}</dd>
                  <dt className="font-medium text-slate-600">{t("disputes.status")}</dt>
                  <dd data-testid="dispute-status">{dispute.status}</dd>
                  <dt className="font-medium text-slate-600">{t("disputes.amount")}</dt>
                  <dd>{formatMoney({ amount: dispute.amount, currency: dispute.currency.toUpperCase() }, locale)}</dd>
                  <dt className="font-medium text-slate-600">{t("disputes.deadline")}</dt>
                  <dd>{dispute.evidenceDueBy ? dateTime(dispute.evidenceDueBy) : t("disputes.noDeadline")}</dd>
                </dl>
                {dispute.evidenceSubmittedAt ? (
                  <p className="mt-3 text-slate-700">
                    {t("disputes.submittedAt", { at: dateTime(dispute.evidenceSubmittedAt) })}
                  </p>
                ) : (
                  can(staff.role, "disputes") &&
                  AWAITING_EVIDENCE.includes(dispute.status) && (
                    <div className="mt-3">
                      <EvidenceForm disputeId={dispute.id} />
                    </div>
                  )
                )}
              </div>
            ))}
          </section>
        )}

        <section aria-labelledby="timeline" className="space-y-3">
          <h2 id="timeline" className="text-xl font-semibold">
            {t("timeline")}
          </h2>
          <p className="text-slate-700">{t("timelineLead")}</p>
          <OrderTimeline entries={timeline} />
          {can(staff.role, "annotate") && (
            <div className="space-y-2 pt-4">
              <h3 className="text-lg font-semibold">{t("notes.title")}</h3>
              <p className="text-slate-700">{t("notes.lead")}</p>
              <OrderNoteForm orderId={order.id} />
            </div>
          )}
        </section>
      </ClientTranslations>
    </div>
  );
}
