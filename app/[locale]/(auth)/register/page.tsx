import type { Metadata } from "next";
import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ClientTranslations } from "@/app/_components/client-translations";
import { Link } from "@/lib/i18n/navigation";
import { optionalRedirectPath } from "@/lib/validation/auth";
import { AuthCard } from "../auth-card";
import { RegisterForm } from "./register-form";

type RegisterPageProps = {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
};

export async function generateMetadata({ params }: RegisterPageProps): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "Auth" });
  return { title: t("registerTitle") };
}

export default async function RegisterPage({ params, searchParams }: RegisterPageProps) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("Auth");
  const callbackUrl = optionalRedirectPath((await searchParams).callbackUrl);

  return (
    <AuthCard
      title={t("registerTitle")}
      lead={t("registerLead")}
      footer={
        <>
          {t("haveAccount")}{" "}
          <Link
            href={{ pathname: "/login", query: callbackUrl ? { callbackUrl } : {} }}
            className="font-semibold text-brand-700 underline"
          >
            {t("loginLink")}
          </Link>
        </>
      }
    >
      <ClientTranslations messages={["Auth", "Errors"]}>
        <RegisterForm callbackUrl={callbackUrl} />
      </ClientTranslations>
    </AuthCard>
  );
}
