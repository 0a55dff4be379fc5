import type { Metadata } from "next";
import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ClientTranslations } from "@/app/_components/client-translations";
import { SuccessNote } from "@/app/_components/success-note";
import { Link } from "@/lib/i18n/navigation";
import { optionalRedirectPath } from "@/lib/validation/auth";
import { AuthCard } from "../auth-card";
import { LoginForm } from "./login-form";

type LoginPageProps = {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<{ callbackUrl?: string | string[]; reset?: string; signedOut?: string }>;
};

export async function generateMetadata({ params }: LoginPageProps): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "Auth" });
  return { title: t("loginTitle") };
}

export default async function LoginPage({ params, searchParams }: LoginPageProps) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("Auth");
  const query = await searchParams;
  const callbackUrl = optionalRedirectPath(query.callbackUrl);
  const tReset = await getTranslations("PasswordReset");

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
      {query.reset === "1" && <SuccessNote className="mb-5">{tReset("done")}</SuccessNote>}
      {query.signedOut === "everywhere" && <SuccessNote className="mb-5">{t("signedOutEverywhere")}</SuccessNote>}
      <ClientTranslations messages={["Auth", "Errors"]}>
        <LoginForm callbackUrl={callbackUrl} />
      </ClientTranslations>
      <p className="mt-4 text-sm">
        <Link href="/forgot-password" className="font-semibold text-brand-700 underline">
          {tReset("forgotLink")}
        </Link>
      </p>
    </AuthCard>
  );
}
