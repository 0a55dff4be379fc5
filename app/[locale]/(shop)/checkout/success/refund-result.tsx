import type { Order } from "@prisma/client";
import { getLocale, getTranslations } from "next-intl/server";
import { RefreshWhilePending } from "@/app/_components/refresh-while-pending";
import { RefundReasonText } from "@/app/_components/refund-reason";
import { Link } from "@/lib/i18n/navigation";
import { formatMoney } from "@/lib/money";
import { refundReason } from "@/lib/orders/refund-reasons";
import type { RefundStage } from "@/lib/orders/refunds";

type RefundedOrder = Pick<Order, "kind" | "failureReason" | "totalAmount" | "currency" | "refundActionUrl"> & {
  plan: { slug: string } | null;
};

// Paid for, but not deliverable: why, and where the money stands. While the refund is still
// due the page asks again, and each visit retries it; a Konbini refund asks for a bank account.
export async function RefundResult({ order, stage }: { order: RefundedOrder; stage: RefundStage }) {
  const [t, locale] = await Promise.all([getTranslations("CheckoutResult"), getLocale()]);
  const refunded = stage === "succeeded";
  const reason = refundReason(order.failureReason);
  const amount = formatMoney({ amount: order.totalAmount, currency: order.currency }, locale);
  return (
    <div className="mx-auto max-w-2xl px-4 py-12" aria-live="polite">
      <h1 className="text-3xl font-bold tracking-tight">
        {order.kind === "TOPUP"
          ? t(refunded ? "refundedTitle" : "refundDueTitle")
          : t(refunded ? "orderRefundedTitle" : "orderRefundDueTitle")}
      </h1>
      {reason && (
        <p className="mt-3 text-slate-700" data-testid="refund-reason">
          <RefundReasonText reason={reason} />
        </p>
      )}
      <p className="mt-3 text-slate-700" data-testid="refund-stage">
        {t(`refundStages.${stage}`, { amount })}
      </p>
      {stage === "requires_action" && order.refundActionUrl && (
        <Link
          href={order.refundActionUrl}
          className="mt-4 inline-block rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
        >
          {t("giveBankAccount")}
        </Link>
      )}
      {stage === "due" && <RefreshWhilePending />}
      <div className="mt-6 flex flex-wrap gap-4">
        {reason === "topup_closed" && (
          <Link href="/plans" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            {t("newEsim")}
          </Link>
        )}
        {reason?.startsWith("promo_") && order.plan && (
          <Link
            href={`/plans/${order.plan.slug}/checkout`}
            className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
          >
            {t("buyAgain")}
          </Link>
        )}
        <Link href="/orders" className="rounded-md border border-slate-300 px-4 py-2 font-semibold hover:bg-slate-50">
          {t("viewOrders")}
        </Link>
      </div>
    </div>
  );
}
