import type { Metadata } from "next";
import type { Locale } from "next-intl";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { EsimInstall } from "@/app/_components/esim-install";
import { EsimSimulator } from "@/app/_components/esim-simulator";
import { PlanName } from "@/app/_components/plan-name";
import { ResendActivation } from "@/app/_components/resend-activation";
import { requireUser } from "@/lib/auth/session";
import { esimForOwner } from "@/lib/esim/profiles";
import { esimIdSchema } from "@/lib/validation/esim";

type EsimPageProps = { params: Promise<{ locale: Locale; id: string }> };

export async function generateMetadata({ params }: EsimPageProps): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "Activation" });
  return { title: t("title"), robots: { index: false } };
}

// The eSIM in the account: its QR code stays viewable here after the email is gone.
export default async function EsimPage({ params }: EsimPageProps) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const user = await requireUser(`/esims/${id}`);
  const esim = esimIdSchema.safeParse(id).success ? await esimForOwner(id, user.id) : null;
  if (!esim) notFound();
  const [t, format] = await Promise.all([getTranslations("Esim"), getFormatter()]);

  return (
    <div className="mx-auto max-w-4xl space-y-8 px-4 py-12">
      <header>
        <h1 className="text-3xl font-bold tracking-tight"><PlanName plan={esim.plan} /></h1>
        <p className="mt-1 text-slate-700">ICCID <span className="font-mono" data-testid="iccid">{esim.iccid}</span></p>
        <p className="mt-3">
          {t("state")}: <strong data-testid="esim-state">{t(`states.${esim.state}`)}</strong>
        </p>
        <p className="text-slate-700">{t(`stateHelp.${esim.state}`)}</p>
      </header>

      {esim.state === "DELETED" ? null : <EsimInstall esim={esim} />}
      <EsimSimulator target={{ esimId: esim.id }} state={esim.state} />
      {esim.state !== "DELETED" && <ResendActivation esimId={esim.id} email={user.email} />}

      {esim.events.length > 0 && (
        <section aria-labelledby="history-title">
          <h2 id="history-title" className="font-semibold">{t("history")}</h2>
          <ul className="mt-2 space-y-1 text-sm text-slate-700">
            {esim.events.map((event) => (
              <li key={event.id}>
                {t("historyItem", {
                  from: t(`states.${event.fromState}`),
                  to: t(`states.${event.toState}`),
                  source: event.source,
                  dateTime: format.dateTime(event.createdAt, { dateStyle: "medium", timeStyle: "medium" }),
                })}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
