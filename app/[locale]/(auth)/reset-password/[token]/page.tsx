import type { Metadata } from "next";
import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ClientTranslations } from "@/app/_components/client-translations";
import { SuccessNote } from "@/app/_components/success-note";
import { resetTokenIsUsable } from "@/lib/accounts/password-reset";
import { Link } from "@/lib/i18n/navigation";
import { AuthCard } from "../../auth-card";
import { ResetPasswordForm } from "./reset-password-form";

type ResetPasswordPageProps = {
  params: Promise<{ locale: Locale; token: string }>;
  searchParams: Promise<{ restored?: string }>;
};

export async function generateMetadata({ params }: ResetPasswordPageProps): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "PasswordReset" });
  return { title: t("resetTitle"), robots: { index: false } };
}

export default async function ResetPasswordPage({ params, searchParams }: ResetPasswordPageProps) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const [usable, t, tRestore, { restored }] = await Promise.all([
    resetTokenIsUsable(token),
    getTranslations("PasswordReset"),
    getTranslations("RestoreEmail"),
    searchParams,
  ]);
  const requestAgain = (
    <Link href="/forgot-password" className="font-semibold text-brand-700 underline">
      {t("requestAgain")}
    </Link>
  );
  if (!usable) {
    return (
      <AuthCard title={t("invalidTitle")} lead={t("invalidBody")} footer={requestAgain}>
        {requestAgain}
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t("resetTitle")} lead={t("resetLead")} footer={requestAgain}>
      {restored === "1" && <SuccessNote className="mb-5">{tRestore("restoredNote")}</SuccessNote>}
      <ClientTranslations messages={["Auth", "PasswordReset", "Errors"]}>
        <ResetPasswordForm token={token} />
      </ClientTranslations>
    </AuthCard>
  );
}
