// Amounts are integer minor units of their currency; Intl knows each currency's exponent
// (JPY 0, USD 2, …), so ¥1,980 is 1980 and $19.80 is 1980.
export type Money = { amount: number; currency: string };

function minorUnitDigits(currency: string): number {
  return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 0;
}

export function toMajorUnits({ amount, currency }: Money): number {
  return amount / 10 ** minorUnitDigits(currency);
}

export function formatMoney(money: Money, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency: money.currency }).format(toMajorUnits(money));
}
