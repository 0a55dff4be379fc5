import type { Metadata } from "next";
import type { Locale } from "next-intl";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { BalanceSummary } from "@/app/_components/balance-summary";
import { ClientTranslations } from "@/app/_components/client-translations";
import { EsimInstall } from "@/app/_components/esim-install";
import { EsimProfileState } from "@/app/_components/esim-profile-state";
import { EsimSimulator } from "@/app/_components/esim-simulator";
import { PlanName } from "@/app/_components/plan-name";
import { ResendActivation } from "@/app/_components/resend-activation";
import { UsageChart } from "@/app/_components/usage-chart";
import { requireUser } from "@/lib/auth/session";
import { simulatorAvailable } from "@/lib/balance/simulator";
import { dailyUsage, esimBalance } from "@/lib/balance/summary";
import { isInstalled } from "@/lib/esim/lifecycle";
import { RESUME_EVENT_SOURCE, SUSPEND_EVENT_SOURCE } from "@/lib/esim/suspension";
import { esimForOwner } from "@/lib/esim/profiles";
import { retryAfterSecondsSchema } from "@/lib/validation/checkout";
import { esimIdSchema } from "@/lib/validation/esim";
import { validOrUndefined } from "@/lib/validation/parse";
import { FoldedInstall } from "./folded-install";
import { NetworkSimulator } from "./network-simulator";
import { TopUp } from "./top-up";

type EsimPageProps = {
  params: Promise<{ locale: Locale; id: string }>;
  searchParams: Promise<{ topup?: string; retryAfter?: string }>;
};

export async function generateMetadata({ params }: EsimPageProps): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "Activation" });
  return { title: t("title"), robots: { index: false } };
}

// The eSIM in the account: its QR code stays viewable here after the email is gone.
export default async function EsimPage({ params, searchParams }: EsimPageProps) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const user = await requireUser(`/esims/${id}`);
  const esimId = validOrUndefined(esimIdSchema, id);
  const esim = esimId ? await esimForOwner(esimId, user.id) : null;
  if (!esim) notFound();
  const [t, format, balance, { topup, retryAfter }] = await Promise.all([
    getTranslations("Esim"),
    getFormatter(),
    esimBalance(esim.id, user.id),
    searchParams,
  ]);
  if (!balance) notFound();
  const usage = await dailyUsage(esim.id, balance.now);
  // Before the install the page is about installing; once the profile is on the phone it leads
  // with what a traveller comes back for, and keeps the install details one tap away.
  const installed = isInstalled(esim.state);

  const balanceAndTopUp = (
    <>
      <section aria-label={t("state")} className="space-y-6 rounded-xl border border-slate-200 p-6">
        <BalanceSummary balance={balance} />
        <UsageChart days={usage} />
      </section>
      <TopUp
        esimId={esim.id}
        userId={user.id}
        carrierName={esim.plan.carrier.name}
        notice={topup}
        retryAfterSeconds={validOrUndefined(retryAfterSecondsSchema, retryAfter)}
      />
      {simulatorAvailable() && esim.state !== "DELETED" && (
        <NetworkSimulator
          esimId={esim.id}
          clockLabel={format.dateTime(balance.now, { dateStyle: "medium", timeStyle: "short" })}
        />
      )}
    </>
  );
  const lifecycle = (
    <>
      <EsimSimulator target={{ esimId: esim.id }} state={esim.state} reporter="owner" />
      {esim.state !== "DELETED" && esim.state !== "REVOKED" && <ResendActivation esimId={esim.id} email={user.email} />}
    </>
  );

  return (
    <ClientTranslations messages={["Simulator", "Scenarios", "SmdpStatus", "Esim"]}>
      <div className="mx-auto max-w-4xl space-y-8 px-4 py-12">
        <header>
          <h1 className="text-3xl font-bold tracking-tight">
            <PlanName plan={esim.plan} />
          </h1>
          <p className="mt-1 text-slate-700">
            ICCID{" "}
            <span className="font-mono" data-testid="iccid">
              {esim.iccid}
            </span>
          </p>
          <EsimProfileState esim={esim} />
        </header>

        {esim.suspendedAt && (
          <section
            aria-labelledby="suspended-title"
            className="rounded-xl border border-amber-300 bg-amber-50 p-5 text-amber-950"
            data-testid="esim-suspended"
          >
            <h2 id="suspended-title" className="font-semibold">
              {t("suspendedTitle")}
            </h2>
            <p className="mt-1">
              {t("suspendedBody", {
                dateTime: format.dateTime(esim.suspendedAt, { dateStyle: "medium", timeStyle: "short" }),
              })}
            </p>
          </section>
        )}

        {installed ? (
          <>
            {balanceAndTopUp}
            <FoldedInstall esim={esim} />
            {lifecycle}
          </>
        ) : (
          <>
            {esim.state !== "DELETED" && <EsimInstall esim={esim} />}
            {lifecycle}
            {balanceAndTopUp}
          </>
        )}

        {esim.events.length > 0 && (
          <section aria-labelledby="history-title">
            <h2 id="history-title" className="font-semibold">
              {t("history")}
            </h2>
            <ul className="mt-2 space-y-1 text-sm text-slate-700">
              {esim.events.map((event) => {
                const when = {
                  source: event.source,
                  dateTime: format.dateTime(event.createdAt, { dateStyle: "medium", timeStyle: "medium" }),
                };
                // An event that leaves the state as it was is support's suspend or resume, or a
                // resend that replaced the code.
                return (
                  <li key={event.id}>
                    {event.source === SUSPEND_EVENT_SOURCE
                      ? t("historySuspended", when)
                      : event.source === RESUME_EVENT_SOURCE
                        ? t("historyResumed", when)
                        : event.fromState === event.toState
                          ? t("historyNewCode", when)
                          : t("historyItem", {
                              ...when,
                              from: t(`states.${event.fromState}`),
                              to: t(`states.${event.toState}`),
                            })}
                  </li>
                );
              })}
            </ul>
          </section>
        )}
      </div>
    </ClientTranslations>
  );
}
