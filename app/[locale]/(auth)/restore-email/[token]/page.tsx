import type { Metadata } from "next";
import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { FormAlert } from "@/app/_components/form-alert";
import { SubmitButton } from "@/app/_components/submit-button";
import { emailToRestore } from "@/lib/accounts/email-restore";
import { Link } from "@/lib/i18n/navigation";
import { AuthCard } from "../../auth-card";
import { putEmailBack } from "./actions";

type RestoreEmailPageProps = {
  params: Promise<{ locale: Locale; token: string }>;
  searchParams: Promise<{ problem?: string }>;
};

export async function generateMetadata({ params }: RestoreEmailPageProps): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "RestoreEmail" });
  return { title: t("title"), robots: { index: false } };
}

// Opening the emailed link changes nothing (mail scanners open links too); the button does.
export default async function RestoreEmailPage({ params, searchParams }: RestoreEmailPageProps) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const [email, { problem }, t, tReset] = await Promise.all([
    emailToRestore(token),
    searchParams,
    getTranslations("RestoreEmail"),
    getTranslations("PasswordReset"),
  ]);
  const forgotPassword = (
    <Link href="/forgot-password" className="font-semibold text-brand-700 underline">
      {tReset("forgotLink")}
    </Link>
  );
  if (!email) {
    return (
      <AuthCard title={t("invalidTitle")} lead={t("invalidBody")} footer={forgotPassword}>
        {forgotPassword}
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t("title")} lead={t("lead", { email })} footer={forgotPassword}>
      {problem === "email_in_use" && (
        <div className="mb-4">
          <FormAlert>{t("emailInUse", { email })}</FormAlert>
        </div>
      )}
      <form action={putEmailBack}>
        <input type="hidden" name="token" value={token} />
        <SubmitButton pendingLabel={t("pending")}>{t("submit", { email })}</SubmitButton>
      </form>
    </AuthCard>
  );
}
