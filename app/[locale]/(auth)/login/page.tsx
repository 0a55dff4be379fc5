import type { Metadata } from "next";
import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { optionalRedirectPath } from "@/lib/validation/auth";
import { AuthCard } from "../auth-card";
import { LoginForm } from "./login-form";

type LoginPageProps = {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
};

export async function generateMetadata({ params }: LoginPageProps): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "Auth" });
  return { title: t("loginTitle") };
}

export default async function LoginPage({ params, searchParams }: LoginPageProps) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("Auth");
  const callbackUrl = optionalRedirectPath((await searchParams).callbackUrl);

  return (
    <AuthCard
      title={t("loginTitle")}
      lead={t("loginLead")}
      footer={
        <>
          {t("noAccount")}{" "}
          <Link
            href={{ pathname: "/register", query: callbackUrl ? { callbackUrl } : {} }}
            className="font-semibold text-brand-700 underline"
          >
            {t("registerLink")}
          </Link>
        </>
      }
    >
      <LoginForm callbackUrl={callbackUrl} />
    </AuthCard>
  );
}
