import { getTranslations } from "next-intl/server";
import { logout } from "@/app/[locale]/(auth)/logout-action";
import { currentUserId } from "@/lib/auth/session";
import { Link } from "@/lib/i18n/navigation";
import { LanguageSwitcher } from "./language-switcher";

const navLink =
  "rounded px-2 py-1 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-ink";

export async function SiteHeader() {
  const [t, userId] = await Promise.all([getTranslations("Header"), currentUserId()]);

  return (
    <header className="border-b border-slate-200 bg-white/95">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
        <Link href="/" className="mr-auto flex items-center gap-2" aria-label={t("home")}>
          <span aria-hidden className="grid size-8 place-items-center rounded-lg bg-brand-700 text-sm font-bold text-white">
            旅
          </span>
          <span className="text-lg font-semibold tracking-tight">Tabi eSIM</span>
        </Link>
        <nav aria-label={t("mainNavigation")} className="flex flex-wrap items-center gap-1">
          <Link href="/plans" className={navLink}>
            {t("plans")}
          </Link>
          <Link href="/#how-it-works" className={navLink}>
            {t("howItWorks")}
          </Link>
          {userId ? (
            <>
              <Link href="/dashboard" className={navLink}>
                {t("dashboard")}
              </Link>
              <Link href="/account" className={navLink}>
                {t("account")}
              </Link>
              <Link href="/orders" className={navLink}>
                {t("orders")}
              </Link>
              <form action={logout}>
                <button type="submit" className={navLink}>
                  {t("logout")}
                </button>
              </form>
            </>
          ) : (
            <>
              <Link href="/login" className={navLink}>
                {t("login")}
              </Link>
              <Link
                href="/register"
                className="rounded-md bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800"
              >
                {t("register")}
              </Link>
            </>
          )}
        </nav>
        <LanguageSwitcher />
      </div>
    </header>
  );
}
