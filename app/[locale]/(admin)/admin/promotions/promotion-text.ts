import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { PromotionRow } from "@/lib/admin/promotions";
import { formatMoney } from "@/lib/money";

// How the console words a promotion's value, window and reach, shared by the list and a
// promotion's own page. Times are Japan time: the app's formatter is set to JST_TIME_ZONE.
export async function promotionText() {
  const [t, format, locale] = await Promise.all([getTranslations("AdminPromotions"), getFormatter(), getLocale()]);
  const dateTime = (instant: Date) => format.dateTime(instant, { dateStyle: "medium", timeStyle: "short" });
  const money = (amount: number, currency = "JPY") => formatMoney({ amount, currency }, locale);
  return {
    dateTime,
    money,
    value: (promotion: PromotionRow) => {
      if (promotion.kind === "BUY_ONE_GET_ONE") return t("value.bundle");
      if (promotion.percentOff) return t("value.percent", { percent: promotion.percentOff });
      return t("value.amount", { amount: money(promotion.amountOff ?? 0, promotion.currency ?? "JPY") });
    },
    window: (promotion: PromotionRow) =>
      t("window", { start: dateTime(promotion.startsAt), end: dateTime(promotion.endsAt) }),
    appliesTo: (promotion: PromotionRow) => {
      if (promotion.plans.length > 0) return promotion.plans.map(({ plan }) => plan.slug).join(", ");
      return promotion.carrierCode ? t("appliesTo.carrier", { carrier: promotion.carrierCode }) : t("appliesTo.all");
    },
    redemptions: (promotion: PromotionRow) =>
      promotion.maxRedemptions === null
        ? t("noLimit", { count: promotion.redemptionCount })
        : t("redemptions", { count: promotion.redemptionCount, limit: promotion.maxRedemptions }),
  };
}
