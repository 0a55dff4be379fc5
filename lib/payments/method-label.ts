import type { PaymentMethodUsed } from "./gateway";

// A translator over the PaymentMethods messages, as next-intl (pages) and use-intl (emails)
// both make one.
type PaymentMethodsTranslator = (key: string, values?: Record<string, string>) => string;

// How an order was paid, as a receipt says it: "Paid with Visa ending in 4242", "Paid at
// FamilyMart", "Paid with PayPay". Pages and emails say it the same way.
export function paymentMethodLabel(t: PaymentMethodsTranslator, method: PaymentMethodUsed): string {
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
