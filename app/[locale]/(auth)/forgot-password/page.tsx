import type { Metadata } from "next";
import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ClientTranslations } from "@/app/_components/client-translations";
import { Link } from "@/lib/i18n/navigation";
import { AuthCard } from "../auth-card";
import { ForgotPasswordForm } from "./forgot-password-form";

type ForgotPasswordPageProps = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: ForgotPasswordPageProps): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "PasswordReset" });
  return { title: t("requestTitle") };
}

export default async function ForgotPasswordPage({ params }: ForgotPasswordPageProps) {
  setRequestLocale((await params).locale);
  const [t, tAuth] = await Promise.all([getTranslations("PasswordReset"), getTranslations("Auth")]);
  return (
    <AuthCard
      title={t("requestTitle")}
      lead={t("requestLead")}
      footer={
        <Link href="/login" className="font-semibold text-brand-700 underline">
          {tAuth("loginLink")}
        </Link>
      }
    >
      <ClientTranslations messages={["Auth", "PasswordReset", "Errors"]}>
        <ForgotPasswordForm />
      </ClientTranslations>
    </AuthCard>
  );
}
