"use client";

import { useLocale, useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { Link, usePathname } from "@/lib/i18n/navigation";
import { localeNames, routing } from "@/lib/i18n/routing";

type Query = Record<string, string>;

// Plain links, so switching works before JavaScript loads; visiting a locale's URL is what
// remembers the choice (next-intl's NEXT_LOCALE cookie).
function LocaleLinks({ query }: { query: Query }) {
  const t = useTranslations("LanguageSwitcher");
  const current = useLocale();
  const pathname = usePathname();

  return (
    <nav aria-label={t("label")}>
      <ul className="flex items-center gap-1 text-sm">
        {routing.locales.map((locale) => (
          <li key={locale}>
            <Link
              href={{ pathname, query }}
              locale={locale}
              hrefLang={locale}
              aria-current={locale === current ? "true" : undefined}
              className="rounded px-2 py-1 text-slate-700 hover:bg-slate-100 aria-[current]:bg-slate-900 aria-[current]:text-white"
            >
              {localeNames[locale]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function LocaleLinksKeepingQuery() {
  return <LocaleLinks query={Object.fromEntries(useSearchParams())} />;
}

// A filtered plan list is rendered from the path the proxy rewrites it to, without its query
// string; the links gain it (the list stays filtered in the new language) once the browser
// takes over.
export function LanguageSwitcher() {
  return (
    <Suspense fallback={<LocaleLinks query={{}} />}>
      <LocaleLinksKeepingQuery />
    </Suspense>
  );
}
