import type { Metadata } from "next";
import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import QRCode from "qrcode";
import { ClientTranslations } from "@/app/_components/client-translations";
import { requireStaffSignIn } from "@/lib/admin/guard";
import { enrolmentOf } from "@/lib/admin/second-factor";
import { totpUri } from "@/lib/admin/totp";
import { consolePathSchema } from "@/lib/validation/second-factor";
import { SecondFactorForm } from "./code-form";

type SecondFactorPageProps = {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<{ next?: string | string[] }>;
};

export async function generateMetadata({ params }: SecondFactorPageProps): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "AdminSecondFactor" });
  return { title: t("title"), robots: { index: false } };
}

// A signed-in staff member, before or after the second factor (anyone else: 404). The first
// visit enrols an authenticator; later ones ask for its code.
export default async function SecondFactorPage({ params, searchParams }: SecondFactorPageProps) {
  setRequestLocale((await params).locale);
  const staff = await requireStaffSignIn();
  const next = consolePathSchema.parse((await searchParams).next);
  const [enrolment, t] = await Promise.all([enrolmentOf(staff.id), getTranslations("AdminSecondFactor")]);
  const enrolling = enrolment.status === "enrolling";
  const qr = enrolling
    ? await QRCode.toDataURL(totpUri(enrolment.secret, staff.email), { margin: 2, width: 240 })
    : null;

  return (
    <div className="max-w-2xl">
      <h1 className="text-2xl font-bold tracking-tight">{enrolling ? t("enrolTitle") : t("title")}</h1>
      <p className="mt-3 text-slate-700">{enrolling ? t("enrolLead") : t("verifyLead")}</p>
      {enrolling && qr && (
        <div className="mt-6 flex flex-col gap-4 sm:flex-row sm:items-center">
          {/* eslint-disable-next-line @next/next/no-img-element -- a data URL, nothing to optimise */}
          <img src={qr} alt={t("qrAlt")} width={240} height={240} className="rounded-lg border border-slate-200" />
          <p className="text-sm text-slate-700">
            {t("manualSecret")}
            <code className="mt-1 block font-mono text-base break-all" data-testid="totp-secret">
              {enrolment.secret}
            </code>
          </p>
        </div>
      )}
      <div className="mt-6">
        <ClientTranslations messages={["AdminSecondFactor", "Errors"]}>
          <SecondFactorForm enrolling={enrolling} next={next} />
        </ClientTranslations>
      </div>
      <p className="mt-6 text-sm text-slate-600">{t("sessionNote")}</p>
    </div>
  );
}
