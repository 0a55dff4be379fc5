import type { Metadata } from "next";
import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { getPlanFormat } from "@/app/_components/plan-format";
import { KonbiniVoucherCard } from "@/app/_components/konbini-voucher-card";
import { PaymentMethodText } from "@/app/_components/payment-method-text";
import { PlanName } from "@/app/_components/plan-name";
import { requireUser } from "@/lib/auth/session";
import { Link } from "@/lib/i18n/navigation";
import { fulfilCheckout } from "@/lib/orders/fulfilment";
import { orderForBuyerBySession } from "@/lib/orders/queries";
import { paymentMethodOfOrder } from "@/lib/orders/payment-method";
import { isRefundDue, refundStage } from "@/lib/orders/refunds";
import type { KonbiniVoucher } from "@/lib/payments/konbini";
import { checkoutSessionIdSchema } from "@/lib/validation/checkout";
import { validOrUndefined } from "@/lib/validation/parse";
import { RefreshWhilePending } from "@/app/_components/refresh-while-pending";
import { RefundResult } from "./refund-result";

type SuccessPageProps = {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<{ session_id?: string | string[] }>;
};

export async function generateMetadata({ params }: SuccessPageProps): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "CheckoutResult" });
  return { title: t("title"), robots: { index: false } };
}

// Shows the order's real state. Stripe may redirect here before its webhook arrives, so the
// page fulfils too (safely: fulfilment happens once whoever gets there first), and asks again
// for a refund the payment gateway has not taken yet.
export default async function CheckoutSuccessPage({ params, searchParams }: SuccessPageProps) {
  setRequestLocale((await params).locale);
  const sessionId = validOrUndefined(checkoutSessionIdSchema, (await searchParams).session_id);
  const user = await requireUser(`/checkout/success?session_id=${sessionId ?? ""}`);
  if (!sessionId) notFound();

  let order = await orderForBuyerBySession(sessionId, user.id);
  if (!order) notFound();
  if (order.status === "PENDING" || isRefundDue(order)) {
    await fulfilCheckout(sessionId);
    order = (await orderForBuyerBySession(sessionId, user.id))!;
  }
  const [t, tEsim, tMethods] = await Promise.all([
    getTranslations("CheckoutResult"),
    getTranslations("Esim"),
    getTranslations("PaymentMethods"),
  ]);
  const paidWith = paymentMethodOfOrder(order);
  const paidLine = paidWith && (
    <p className="mt-2 text-sm text-slate-600" data-testid="paid-with">
      <PaymentMethodText method={paidWith} />
    </p>
  );

  if ((order.status === "FULFILLED" || order.status === "PAID") && order.esim && order.topUpPack) {
    const format = await getPlanFormat();
    return (
      <div className="mx-auto max-w-2xl px-4 py-12">
        <h1 className="text-3xl font-bold tracking-tight">{t("topUpTitle")}</h1>
        <p className="mt-3 text-slate-700">
          {t("topUpBody", {
            data: format.data(order.topUpPack.dataMb),
            days: order.topUpPack.daysAdded,
            iccid: order.esim.iccid,
          })}
        </p>
        {paidLine}
        <Link
          href={`/esims/${order.esim.id}`}
          className="mt-6 inline-block rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
        >
          {t("viewBalance")}
        </Link>
      </div>
    );
  }

  // Paid while the carrier's SM-DP+ did not answer: a job issues the eSIMs once it does, and
  // the page follows until they are there.
  if (order.status === "PAID" && order.esimProfiles.length === 0) {
    const tSmdp = await getTranslations("SmdpStatus");
    return (
      <div className="mx-auto max-w-2xl px-4 py-12" aria-live="polite">
        <h1 className="text-3xl font-bold tracking-tight">{tSmdp("preparingTitle")}</h1>
        <p className="mt-3 text-slate-700">{tSmdp("preparingBody")}</p>
        {paidLine}
        <RefreshWhilePending intervalMs={3000} maxTries={200} />
      </div>
    );
  }

  if (order.status === "FULFILLED" || order.status === "PAID") {
    return (
      <div className="mx-auto max-w-2xl px-4 py-12">
        <h1 className="text-3xl font-bold tracking-tight">{t("fulfilledTitle")}</h1>
        <p className="mt-3 text-slate-700">{t("fulfilledBody", { count: order.esimProfiles.length })}</p>
        {paidLine}
        <ul className="mt-6 space-y-3">
          {order.esimProfiles.map((esim) => (
            <li key={esim.id} className="rounded-lg border border-slate-200 p-4">
              <p className="font-semibold">
                <PlanName plan={esim.plan} />
              </p>
              <p className="mt-1 text-sm">
                {t("iccid")}:{" "}
                <span className="font-mono" data-testid="iccid">
                  {esim.iccid}
                </span>{" "}
                · {t("state")}: {tEsim(`states.${esim.state}`)}
              </p>
            </li>
          ))}
        </ul>
        <div className="mt-6 flex flex-wrap gap-4">
          <Link
            href="/account"
            className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
          >
            {t("viewAccount")}
          </Link>
          <Link href="/orders" className="rounded-md border border-slate-300 px-4 py-2 font-semibold hover:bg-slate-50">
            {t("viewOrders")}
          </Link>
          {order.paymentProvider === "local" && (
            <Link
              href={`/checkout/local/${sessionId}/events`}
              className="px-4 py-2 font-semibold text-brand-700 underline"
            >
              {t("webhookLog")}
            </Link>
          )}
        </div>
      </div>
    );
  }

  const stage = refundStage(order);
  if (stage) return <RefundResult order={order} stage={stage} />;

  // A Konbini voucher waits to be paid at a store: the voucher, and the page follows the payment.
  if (order.status === "PENDING" && order.konbiniVoucher) {
    return (
      <div className="mx-auto max-w-2xl space-y-4 px-4 py-12" aria-live="polite">
        <h1 className="text-3xl font-bold tracking-tight">{tMethods("voucher.awaiting")}</h1>
        <p className="text-slate-700">{t("voucherBody")}</p>
        <KonbiniVoucherCard voucher={order.konbiniVoucher as KonbiniVoucher} />
        <Link href="/orders" className="inline-block font-semibold text-brand-700 underline">
          {t("viewOrders")}
        </Link>
        <RefreshWhilePending intervalMs={3000} maxTries={200} />
      </div>
    );
  }

  const closed =
    order.status === "EXPIRED"
      ? "expired"
      : order.status === "PENDING"
        ? "pending"
        : order.failureReason === "async_payment_failed"
          ? "voucherExpired"
          : "failed";
  return (
    <div className="mx-auto max-w-2xl px-4 py-12" aria-live="polite">
      <h1 className="text-3xl font-bold tracking-tight">{t(`${closed}Title`)}</h1>
      <p className="mt-3 text-slate-700">{t(`${closed}Body`)}</p>
      {closed === "pending" ? (
        <RefreshWhilePending />
      ) : (
        <Link
          href={order.esim ? `/esims/${order.esim.id}` : `/plans/${order.plan?.slug ?? ""}`}
          className="mt-6 inline-block font-semibold text-brand-700 underline"
        >
          {t("tryAgain")}
        </Link>
      )}
    </div>
  );
}
