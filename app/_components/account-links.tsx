"use client";

import { useTranslations } from "next-intl";
import { logout } from "@/app/[locale]/(auth)/logout-action";
import { Link } from "@/lib/i18n/navigation";
import { navLink } from "./nav-link";
import { useSignedInAccount } from "./use-signed-in";

export function AccountLinks() {
  const t = useTranslations("Header");
  const signedIn = useSignedInAccount();

  if (signedIn === undefined) return null;
  if (signedIn) {
    return (
      <>
        {signedIn.role !== "CUSTOMER" && (
          <Link href="/admin" className={navLink}>
            {t("console")}
          </Link>
        )}
        <Link href="/dashboard" className={navLink}>
          {t("dashboard")}
        </Link>
        <Link href="/account" className={navLink}>
          {t("account")}
        </Link>
        <Link href="/orders" className={navLink}>
          {t("orders")}
        </Link>
        <Link href="/webhooks" className={navLink}>
          {t("webhooks")}
        </Link>
        <form action={logout}>
          <button type="submit" className={navLink}>
            {t("logout")}
          </button>
        </form>
      </>
    );
  }
  return (
    <>
      <Link href="/login" className={navLink}>
        {t("login")}
      </Link>
      <Link
        href="/register"
        className="shrink-0 rounded-md bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800"
      >
        {t("register")}
      </Link>
    </>
  );
}
