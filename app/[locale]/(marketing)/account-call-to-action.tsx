"use client";

import { useTranslations } from "next-intl";
import { useSignedIn } from "@/app/_components/use-signed-in";
import { Link } from "@/lib/i18n/navigation";

const secondaryButton = "rounded-md border border-slate-300 bg-white px-5 py-3 font-semibold hover:bg-slate-50";

// Visitors, the most common case, see their choices straight away; a signed-in traveller's
// shortcut to the eSIMs replaces them once the browser knows.
export function AccountCallToAction() {
  const t = useTranslations("Home.accountCta");
  if (useSignedIn()) {
    return (
      <Link href="/dashboard" className={secondaryButton}>
        {t("account")}
      </Link>
    );
  }
  return (
    <>
      <Link href="/register" className={secondaryButton}>
        {t("register")}
      </Link>
      <Link href="/login" className={secondaryButton}>
        {t("login")}
      </Link>
    </>
  );
}
