import type { Metadata } from "next";
import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { ClientTranslations } from "@/app/_components/client-translations";
import { EsimInstall } from "@/app/_components/esim-install";
import { EsimProfileState } from "@/app/_components/esim-profile-state";
import { EsimSimulator } from "@/app/_components/esim-simulator";
import { getPlanFormat } from "@/app/_components/plan-format";
import { currentUserId } from "@/lib/auth/session";
import { findByActivationToken } from "@/lib/esim/activation";
import { esimForOwner } from "@/lib/esim/profiles";
import { Link } from "@/lib/i18n/navigation";

type ActivatePageProps = { params: Promise<{ locale: Locale; token: string }> };

export async function generateMetadata({ params }: ActivatePageProps): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "Activation" });
  return { title: t("title"), robots: { index: false } };
}

// The page the activation email links to. The link's token is the key, so it opens on a phone
// that is not logged in, which may report what a phone does (download, install, enable); turning
// the eSIM off or deleting it is offered to the signed-in owner only. A different logged-in
// account gets a 404.
export default async function ActivatePage({ params }: ActivatePageProps) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const [found, visitor, t] = await Promise.all([
    findByActivationToken(token),
    currentUserId(),
    getTranslations("Activation"),
  ]);
  if (found.status !== "unknown" && visitor && visitor !== found.userId) notFound();

  if (found.status !== "ok") {
    return (
      <div className="mx-auto max-w-xl px-4 py-16">
        <h1 className="text-3xl font-bold tracking-tight">
          {t(found.status === "expired" ? "expiredTitle" : "unknownTitle")}
        </h1>
        <p className="mt-3 text-slate-700">{t("invalidBody")}</p>
        <Link
          href={found.status === "expired" ? `/esims/${found.esimId}` : "/account"}
          className="mt-6 inline-block rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
        >
          {visitor ? t("toAccount") : t("toLogin")}
        </Link>
      </div>
    );
  }

  const esim = await esimForOwner(found.esimId, found.userId);
  if (!esim) notFound();
  const format = await getPlanFormat();
  const reporter = visitor ? "owner" : "link-holder";
  return (
    <div className="mx-auto max-w-4xl space-y-8 px-4 py-12">
      <header>
        <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-slate-700">{t("lead", { plan: format.name(esim.plan), iccid: esim.iccid })}</p>
        <EsimProfileState esim={esim} />
      </header>
      {esim.state !== "DELETED" && <EsimInstall esim={esim} />}
      <ClientTranslations messages={["Esim", "SmdpStatus"]}>
        <EsimSimulator target={{ token }} state={esim.state} reporter={reporter} />
      </ClientTranslations>
      {reporter === "link-holder" && esim.state !== "DELETED" && (
        <p className="text-sm text-slate-700">
          {t("ownerOnly")}{" "}
          <Link
            href={{ pathname: "/login", query: { callbackUrl: `/${locale}/activate/${token}` } }}
            className="font-semibold text-brand-800 underline"
          >
            {t("toLogin")}
          </Link>
        </p>
      )}
    </div>
  );
}
