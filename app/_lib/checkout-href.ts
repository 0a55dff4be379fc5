import type { Locale } from "next-intl";

// The local checkout answers with a path on this site (in the buyer's language), real Stripe
// with its own URL.
export function checkoutHref(url: string, locale: Locale): string {
  return url.startsWith("/") ? `/${locale}${url}` : url;
}
