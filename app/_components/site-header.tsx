import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { AccountLinks } from "./account-links";
import { LanguageSwitcher } from "./language-switcher";
import { navLink } from "./nav-link";

// The same for every visitor, reading no session; the account links fill in
// once the browser knows who is signed in. The navigation keeps one line at every width
// (scrolling sideways on narrow phones), so those links never push the page down.
export async function SiteHeader() {
  const t = await getTranslations("Header");

  return (
    <header className="border-b border-slate-200 bg-white/95">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 sm:flex-nowrap">
        <Link href="/" className="flex shrink-0 items-center gap-2">
          <span
            aria-hidden
            className="grid size-8 place-items-center rounded-lg bg-brand-700 text-sm font-bold text-white"
          >
            旅
          </span>
          <span className="text-lg font-semibold tracking-tight">Tabi eSIM</span>
        </Link>
        <div className="order-last -mx-2 w-full overflow-x-auto sm:order-none sm:mx-0 sm:w-auto sm:flex-1">
          <nav aria-label={t("mainNavigation")} className="flex h-9 items-center gap-1 whitespace-nowrap px-2 sm:px-0">
            <Link href="/plans" className={navLink}>
              {t("plans")}
            </Link>
            <Link href="/#how-it-works" className={navLink}>
              {t("howItWorks")}
            </Link>
            <AccountLinks />
          </nav>
        </div>
        <div className="ml-auto shrink-0">
          <LanguageSwitcher />
        </div>
      </div>
    </header>
  );
}
