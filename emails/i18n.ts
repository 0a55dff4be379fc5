import { createTranslator } from "use-intl/core";
import { type CatalogTranslator, planFormat } from "../lib/catalog/plan-format";
import type { Locale } from "../lib/i18n/routing";
import { JST_TIME_ZONE } from "../lib/time/jst";
import enCatalog from "../messages/en/catalog.json";
import en from "../messages/en/emails.json";
import jaCatalog from "../messages/ja/catalog.json";
import ja from "../messages/ja/emails.json";
import zhCatalog from "../messages/zh/catalog.json";
import zh from "../messages/zh/emails.json";
import enPayments from "../messages/en/payments.json";
import jaPayments from "../messages/ja/payments.json";
import zhPayments from "../messages/zh/payments.json";
import type { PaymentMethodUsed } from "../lib/payments/gateway";
import { paymentMethodLabel } from "../lib/payments/method-label";

// Emails are written in every language the site is.
const MESSAGES = { en, zh, ja } as const satisfies Record<Locale, unknown>;
const CATALOG = { en: enCatalog, zh: zhCatalog, ja: jaCatalog } as const satisfies Record<Locale, unknown>;
const PAYMENTS = { en: enPayments, zh: zhPayments, ja: jaPayments } as const satisfies Record<Locale, unknown>;
export type EmailLocale = keyof typeof MESSAGES;

export function isEmailLocale(value: string): value is EmailLocale {
  return Object.hasOwn(MESSAGES, value);
}

// Emails are written in the recipient's language, outside any request, so they carry their
// own translators.
export function emailTranslator(locale: EmailLocale) {
  return createTranslator({
    locale,
    messages: MESSAGES[locale] as (typeof MESSAGES)["en"],
    namespace: "Emails",
    timeZone: JST_TIME_ZONE,
  });
}

// A moment as the emails state it: in the reader's language, in Japan time (the text says JST).
export function emailDateTime(locale: EmailLocale, isoInstant: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone: JST_TIME_ZONE }).format(
    new Date(isoInstant),
  );
}

export type PlanForEmail = { dataMb: number | null; days: number; carrierName: string };

export function emailPlanName(locale: EmailLocale, plan: PlanForEmail): string {
  const t = createTranslator({ locale, messages: CATALOG[locale] as (typeof CATALOG)["en"], namespace: "Catalog" });
  return planFormat(t as CatalogTranslator).name({ ...plan, carrier: { name: plan.carrierName } });
}

// The site's own words for payment methods, stores and vouchers, so an email says what the
// order page says.
export function emailPaymentTranslator(locale: EmailLocale) {
  return createTranslator({
    locale,
    messages: PAYMENTS[locale] as (typeof PAYMENTS)["en"],
    namespace: "PaymentMethods",
    timeZone: JST_TIME_ZONE,
  });
}

export function emailPaymentMethod(locale: EmailLocale, method: PaymentMethodUsed): string {
  return paymentMethodLabel(emailPaymentTranslator(locale) as Parameters<typeof paymentMethodLabel>[0], method);
}
