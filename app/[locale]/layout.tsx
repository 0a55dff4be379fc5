import type { Metadata, Viewport } from "next";
import { hasLocale, NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { SiteFooter } from "@/app/_components/site-footer";
import { SiteHeader } from "@/app/_components/site-header";
import { LAYOUT_MESSAGES, pickMessages } from "@/lib/i18n/client-messages";
import type { Messages } from "@/lib/i18n/messages";
import { htmlLang, routing } from "@/lib/i18n/routing";
import "../globals.css";

type LayoutProps = { children: ReactNode; params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: LayoutProps): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: "Metadata" });
  return {
    title: { default: t("title"), template: `%s · Tabi eSIM` },
    description: t("description"),
    // The other languages of each page are announced by the proxy (next-intl's Link header),
    // which knows the page's own path in every locale.
  };
}

export const viewport: Viewport = { themeColor: "#b3163d", width: "device-width", initialScale: 1 };

export default async function LocaleLayout({ children, params }: LayoutProps) {
  // Every page is rendered for its request: the scripts Next writes into it carry that request's
  // CSP nonce (proxy.ts), and a page served from a cache would carry the nonce of whichever
  // request rendered it, which the browser refuses for everyone else.
  await connection();
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const [t, messages] = await Promise.all([getTranslations({ locale, namespace: "Header" }), getMessages({ locale })]);

  return (
    <html lang={htmlLang[locale]}>
      <body className="flex min-h-dvh flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2"
        >
          {t("skipToContent")}
        </a>
        <NextIntlClientProvider messages={pickMessages(messages as Messages, LAYOUT_MESSAGES)}>
          <SiteHeader />
          <main id="main" className="flex-1">
            {children}
          </main>
          <SiteFooter />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
