import { getTranslations } from "next-intl/server";
import { GRACE_DAYS_AFTER_EXPIRY } from "@/lib/balance/rules";
import type { RefundReason } from "@/lib/orders/refund-reasons";

// Why a paid order was refunded, in words a traveller understands.
export async function RefundReasonText({ reason }: { reason: RefundReason }) {
  const t = await getTranslations("Orders");
  return t(`refundReasons.${reason}`, { graceDays: GRACE_DAYS_AFTER_EXPIRY });
}
