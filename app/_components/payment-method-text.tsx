import { getTranslations } from "next-intl/server";
import type { PaymentMethodUsed } from "@/lib/payments/gateway";

// How an order was paid, as a receipt says it: "Paid with Visa ending in 4242", "Paid at
// FamilyMart", "Paid with PayPay".
export async function PaymentMethodText({ method }: { method: PaymentMethodUsed }) {
  const t = await getTranslations("PaymentMethods");
  switch (method.type) {
    case "card": {
      const brand = method.brand === "visa" || method.brand === "mastercard" ? method.brand : "card";
      return t("paidByCard", { brand: t(`brands.${brand}`), last4: method.last4 });
    }
    case "konbini":
      return method.store ? t("paidAtStore", { store: t(`stores.${method.store}`) }) : t("paidAtKonbini");
    default:
      return t("paidWith", { method: t(`names.${method.type}`) });
  }
}
