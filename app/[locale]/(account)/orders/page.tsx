import type { Order } from "@prisma/client";
import type { Metadata } from "next";
import type { Locale } from "next-intl";
import { getFormatter, getLocale, getTranslations, setRequestLocale } from "next-intl/server";
import { getPlanFormat } from "@/app/_components/plan-format";
import { PlanName } from "@/app/_components/plan-name";
import { KonbiniVoucherCard } from "@/app/_components/konbini-voucher-card";
import { PaymentMethodText } from "@/app/_components/payment-method-text";
import { RefundReasonText } from "@/app/_components/refund-reason";
import { requireUser } from "@/lib/auth/session";
import { Link } from "@/lib/i18n/navigation";
import { formatMoney } from "@/lib/money";
import { ordersOfUser } from "@/lib/orders/queries";
import { refundReason } from "@/lib/orders/refund-reasons";
import { paymentMethodOfOrder } from "@/lib/orders/payment-method";
import { refundStage } from "@/lib/orders/refunds";
import type { KonbiniVoucher } from "@/lib/payments/konbini";
import { z } from "zod";

type OrdersPageProps = {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<{ page?: string | string[] }>;
};

const pageSchema = z.coerce.number().int().min(0).max(10_000).catch(0);

export async function generateMetadata({ params }: OrdersPageProps): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "Orders" });
  return { title: t("title"), robots: { index: false } };
}

const STATUS_STYLE: Record<string, string> = {
  FULFILLED: "bg-emerald-100 text-emerald-900",
  PAID: "bg-emerald-100 text-emerald-900",
  PENDING: "bg-amber-100 text-amber-950",
  REFUNDED: "bg-sky-100 text-sky-950",
  PARTIALLY_REFUNDED: "bg-sky-100 text-sky-950",
};

export default async function OrdersPage({ params, searchParams }: OrdersPageProps) {
  setRequestLocale((await params).locale);
  const page = pageSchema.parse((await searchParams).page ?? 0);
  const user = await requireUser("/orders");
  const [{ orders, hasMore }, t, format, locale, planFormat] = await Promise.all([
    ordersOfUser(user.id, page),
    getTranslations("Orders"),
    getFormatter(),
    getLocale(),
    getPlanFormat(),
  ]);

  return (
    <div className="mx-auto max-w-4xl px-4 py-12">
      <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
      {orders.length === 0 && page === 0 ? (
        <p className="mt-6 text-slate-700">
          {t("empty")}{" "}
          <Link href="/plans" className="font-semibold text-brand-700 underline">
            {t("browse")}
          </Link>
        </p>
      ) : (
        <div className="mt-6 overflow-x-auto">
          <table className="w-full min-w-[36rem] text-left">
            <thead className="border-b border-slate-300 text-sm text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-4 font-medium">
                  {t("date")}
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  {t("item")}
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  {t("total")}
                </th>
                <th scope="col" className="py-2 font-medium">
                  {t("status")}
                </th>
              </tr>
            </thead>
            <tbody>
              {orders.map((order) => (
                <tr key={order.id} className="border-b border-slate-200" data-testid="order-row">
                  <td className="py-3 pr-4 text-sm">
                    {format.dateTime(order.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                  </td>
                  <td className="py-3 pr-4">
                    {order.plan && <PlanName plan={order.plan} />}
                    {order.topUpPack &&
                      t("topUpItem", {
                        pack: planFormat.name({
                          dataMb: order.topUpPack.dataMb,
                          days: order.topUpPack.daysAdded,
                          carrier: order.topUpPack.carrier,
                        }),
                      })}{" "}
                    {t("quantity", { quantity: order.quantity })}
                  </td>
                  <td className="py-3 pr-4">
                    {formatMoney({ amount: order.totalAmount, currency: order.currency }, locale)}
                    <PaidWith order={order} />
                  </td>
                  <OrderStatus
                    order={order}
                    refunded={formatMoney({ amount: order.refundedAmount, currency: order.currency }, locale)}
                  />
                </tr>
              ))}
            </tbody>
          </table>
          <nav aria-label={t("pages")} className="mt-4 flex justify-between">
            {page > 0 ? (
              <Link
                href={{ pathname: "/orders", query: { page: page - 1 } }}
                className="font-semibold text-brand-700 underline"
              >
                {t("newer")}
              </Link>
            ) : (
              <span />
            )}
            {hasMore && (
              <Link
                href={{ pathname: "/orders", query: { page: page + 1 } }}
                className="font-semibold text-brand-700 underline"
              >
                {t("older")}
              </Link>
            )}
          </nav>
        </div>
      )}
    </div>
  );
}

function PaidWith({ order }: { order: Pick<Order, "status" | "paymentMethod" | "paymentDetails" | "paidAt"> }) {
  const method = order.paidAt ? paymentMethodOfOrder(order) : undefined;
  if (!method) return null;
  return (
    <p className="text-sm text-slate-600" data-testid="order-paid-with">
      <PaymentMethodText method={method} />
    </p>
  );
}

// The state; for a Konbini order still to be paid, its voucher; and for an order paid but
// refunded (or about to be) why it could not be delivered and where the money stands.
async function OrderStatus({
  order,
  refunded,
}: {
  // What was given back of a delivered order, formatted; shown while it is partly refunded.
  refunded: string;
  order: Pick<
    Order,
    | "status"
    | "failureReason"
    | "refundDueAt"
    | "refundFailedAt"
    | "refundStatus"
    | "refundId"
    | "refundActionUrl"
    | "konbiniVoucher"
  >;
}) {
  const [t, tMethods] = await Promise.all([getTranslations("Orders"), getTranslations("PaymentMethods")]);
  const stage = refundStage(order);
  const reason = refundReason(order.failureReason);
  const voucher = order.status === "PENDING" ? (order.konbiniVoucher as KonbiniVoucher | null) : null;
  const inProgress = stage === "due" || stage === "pending" || stage === "requires_action";
  return (
    <td className="py-3" data-testid="order-status">
      <span
        className={`rounded px-2 py-0.5 text-sm font-medium ${STATUS_STYLE[inProgress ? "PENDING" : order.status] ?? "bg-slate-100 text-slate-800"}`}
      >
        {voucher
          ? tMethods("voucher.awaiting")
          : stage && stage !== "succeeded" && stage !== "failed"
            ? t(`refundStages.${stage}`)
            : t(`statuses.${order.status}`)}
      </span>
      {voucher && (
        <details className="mt-2 max-w-sm">
          <summary className="cursor-pointer text-sm font-semibold text-brand-700">{t("showVoucher")}</summary>
          <div className="mt-2">
            <KonbiniVoucherCard voucher={voucher} />
          </div>
        </details>
      )}
      {order.failureReason === "async_payment_failed" && (
        <p className="mt-1 max-w-xs text-sm text-slate-700">{t("voucherExpired")}</p>
      )}
      {reason && (
        <p className="mt-1 max-w-xs text-sm text-slate-700">
          <RefundReasonText reason={reason} />
        </p>
      )}
      {stage === "requires_action" && order.refundActionUrl && (
        <Link href={order.refundActionUrl} className="mt-1 inline-block text-sm font-semibold text-brand-700 underline">
          {t("giveBankAccount")}
        </Link>
      )}
      {order.status === "PARTIALLY_REFUNDED" && (
        <p className="mt-1 max-w-xs text-sm text-slate-700" data-testid="refunded-amount">
          {t("refundedAmount", { amount: refunded })}
        </p>
      )}
      {order.refundFailedAt && <p className="mt-1 max-w-xs text-sm font-medium text-brand-800">{t("refundFailed")}</p>}
    </td>
  );
}
