import type { Order } from "@prisma/client";
import { getLocale, getTranslations } from "next-intl/server";
import { RefundReasonText } from "@/app/_components/refund-reason";
import { Link } from "@/lib/i18n/navigation";
import { formatMoney } from "@/lib/money";
import { refundReason } from "@/lib/orders/refund-reasons";
import { RefreshWhilePending } from "./refresh-while-pending";

type RefundedOrder = Pick<Order, "kind" | "status" | "failureReason" | "totalAmount" | "currency"> & {
  plan: { slug: string } | null;
};

// Paid for, but not deliverable: why, and that the money goes back. While the refund is still
// due the page asks again, and each visit retries it.
export async function RefundResult({ order }: { order: RefundedOrder }) {
  const [t, locale] = await Promise.all([getTranslations("CheckoutResult"), getLocale()]);
  const refunded = order.status === "REFUNDED";
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
      <p className="mt-3 text-slate-700">{t(refunded ? "refundedBody" : "refundDueBody", { amount })}</p>
      {!refunded && <RefreshWhilePending />}
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
