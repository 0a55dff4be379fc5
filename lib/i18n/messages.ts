import type { Locale } from "./routing";

// Messages are split by area of the product; a page sees them merged. (emails.json is read by
// the email templates only.)
export async function loadMessages(locale: Locale) {
  const [core, catalog, checkout, activation, balance, api, devices] = await Promise.all([
    import(`../../messages/${locale}/core.json`),
    import(`../../messages/${locale}/catalog.json`),
    import(`../../messages/${locale}/checkout.json`),
    import(`../../messages/${locale}/activation.json`),
    import(`../../messages/${locale}/balance.json`),
    import(`../../messages/${locale}/api.json`),
    import(`../../messages/${locale}/devices.json`),
  ]);
  return {
    ...core.default,
    ...catalog.default,
    ...checkout.default,
    ...activation.default,
    ...balance.default,
    ...api.default,
    ...devices.default,
  } as Messages;
}

export type Messages = typeof import("../../messages/en/core.json") &
  typeof import("../../messages/en/catalog.json") &
  typeof import("../../messages/en/checkout.json") &
  typeof import("../../messages/en/activation.json") &
  typeof import("../../messages/en/balance.json") &
  typeof import("../../messages/en/api.json") &
  typeof import("../../messages/en/devices.json");
