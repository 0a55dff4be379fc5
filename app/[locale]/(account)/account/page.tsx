import type { Metadata } from "next";
import type { Locale } from "next-intl";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { ClientTranslations } from "@/app/_components/client-translations";
import { PlanName } from "@/app/_components/plan-name";
import { SuccessNote } from "@/app/_components/success-note";
import { requireUser } from "@/lib/auth/session";
import { Link } from "@/lib/i18n/navigation";
import { esimsOfUser } from "@/lib/orders/queries";
import { routing } from "@/lib/i18n/routing";
import { ChangePasswordForm } from "./change-password-form";
import { ContactDetailsForm } from "./contact-details-form";
import { LocalePreferenceForm } from "./locale-preference-form";
import { signOutEverywhere } from "./security-actions";

type AccountPageProps = {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<{ password?: string | string[] }>;
};

export async function generateMetadata({ params }: AccountPageProps): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "Account" });
  return { title: t("title"), robots: { index: false } };
}

export default async function AccountPage({ params, searchParams }: AccountPageProps) {
  const { locale } = await params;
  const passwordChanged = (await searchParams).password === "changed";
  setRequestLocale(locale);
  const [user, t, tEsim, tResult, format] = await Promise.all([
    requireUser("/account"),
    getTranslations("Account"),
    getTranslations("Esim"),
    getTranslations("CheckoutResult"),
    getFormatter(),
  ]);
  const esims = await esimsOfUser(user.id);
  const preferredLocale = routing.locales.find((l) => l === user.locale) ?? routing.defaultLocale;

  const details: [string, string][] = [
    [t("name"), user.name],
    [t("email"), user.email],
    [t("phone"), user.phone ?? t("noPhone")],
    [
      t("memberSince"),
      t("dateTimeJst", { dateTime: format.dateTime(user.createdAt, { dateStyle: "long", timeStyle: "short" }) }),
    ],
  ];

  return (
    <ClientTranslations messages={["Account", "Auth", "Errors"]}>
      <div className="mx-auto max-w-3xl px-4 py-12">
        <h1 className="text-3xl font-bold tracking-tight">{t("greeting", { name: user.name })}</h1>
        <section aria-labelledby="details-title" className="mt-8 rounded-xl border border-slate-200 p-6">
          <h2 id="details-title" className="text-lg font-semibold">
            {t("details")}
          </h2>
          <dl className="mt-4 grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
            {details.map(([term, value]) => (
              <div key={term} className="contents">
                <dt className="text-sm text-slate-600">{term}</dt>
                <dd className="break-words font-medium">{value}</dd>
              </div>
            ))}
          </dl>
          <details className="mt-6 border-t border-slate-200 pt-4">
            <summary className="cursor-pointer font-semibold text-brand-700">{t("editDetails")}</summary>
            <div className="mt-4 max-w-sm">
              <ContactDetailsForm current={{ name: user.name, email: user.email, phone: user.phone }} />
            </div>
          </details>
          <div className="mt-6 border-t border-slate-200 pt-4">
            <LocalePreferenceForm current={preferredLocale} />
          </div>
          <p className="mt-4">
            <Link href="/api-tokens" className="font-semibold text-brand-700 underline">
              {t("apiTokens")}
            </Link>
          </p>
        </section>
        <section aria-labelledby="security-title" className="mt-8 rounded-xl border border-slate-200 p-6">
          <h2 id="security-title" className="text-lg font-semibold">
            {t("security")}
          </h2>
          {passwordChanged && <SuccessNote className="mt-4">{t("passwordChanged")}</SuccessNote>}
          <h3 className="mt-4 font-semibold">{t("changePassword")}</h3>
          <div className="mt-3 max-w-sm">
            <ChangePasswordForm email={user.email} />
          </div>
          <form action={signOutEverywhere} className="mt-6 space-y-3 border-t border-slate-200 pt-4">
            <p className="text-slate-700">{t("signOutEverywhereLead")}</p>
            <button
              type="submit"
              className="rounded-md border border-slate-300 px-4 py-2 font-semibold hover:bg-slate-50"
            >
              {t("signOutEverywhere")}
            </button>
          </form>
        </section>
        <section aria-labelledby="esims-title" className="mt-8 rounded-xl border border-slate-200 p-6">
          <h2 id="esims-title" className="text-lg font-semibold">
            {t("esimsTitle")}
          </h2>
          {esims.length === 0 ? (
            <p className="mt-2 text-slate-700">{t("esimsEmpty")}</p>
          ) : (
            <ul className="mt-4 divide-y divide-slate-200">
              {esims.map((esim) => (
                <li key={esim.id} className="py-3" data-testid="esim">
                  <p className="flex flex-wrap items-baseline justify-between gap-2">
                    <span className="font-semibold">
                      <PlanName plan={esim.plan} />
                    </span>
                    <Link href={`/esims/${esim.id}`} className="text-sm font-semibold text-brand-700 underline">
                      {tEsim("open")}
                    </Link>
                  </p>
                  <p className="text-sm text-slate-700">
                    {tResult("iccid")} <span className="font-mono">{esim.iccid}</span> · {tEsim(`states.${esim.state}`)}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </ClientTranslations>
  );
}
