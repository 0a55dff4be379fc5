import type { Metadata } from "next";
import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { confirmEmail } from "@/lib/accounts/email-verification";
import { Link } from "@/lib/i18n/navigation";

type VerifyPageProps = { params: Promise<{ locale: Locale; token: string }> };

export async function generateMetadata({ params }: VerifyPageProps): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "Verification" });
  return { title: t("verifiedTitle"), robots: { index: false } };
}

export default async function VerifyEmailPage({ params }: VerifyPageProps) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const [result, t] = await Promise.all([confirmEmail(token), getTranslations("Verification")]);
  const verified = result.status === "verified";
  return (
    <div className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-3xl font-bold tracking-tight">{t(verified ? "verifiedTitle" : "invalidTitle")}</h1>
      <p className="mt-3 text-slate-700">{t(verified ? "verifiedBody" : "invalidBody")}</p>
      <Link
        href="/account"
        className="mt-6 inline-block rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
      >
        {t("toAccount")}
      </Link>
    </div>
  );
}
