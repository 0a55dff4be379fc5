import type { Metadata } from "next";
import type { Locale } from "next-intl";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { BalanceSummary } from "@/app/_components/balance-summary";
import { ClientTranslations } from "@/app/_components/client-translations";
import { PlanName } from "@/app/_components/plan-name";
import { getPlanFormat } from "@/app/_components/plan-format";
import { can } from "@/lib/admin/capabilities";
import { esimForStaff, STAFF_ESIM_ROWS } from "@/lib/admin/esims";
import { requireStaff } from "@/lib/admin/guard";
import { Link } from "@/lib/i18n/navigation";
import { orderReference } from "@/lib/orders/order-emails";
import { JST_TIME_ZONE } from "@/lib/time/jst";
import { staffEsimSchema } from "@/lib/validation/admin-accounts";
import { validOrUndefined } from "@/lib/validation/parse";
import { ResendActivationForm, ResumeForm, RevokeForm, SuspendForm } from "./esim-actions";

type StaffEsimPageProps = { params: Promise<{ locale: Locale; id: string }> };

export async function generateMetadata({ params }: StaffEsimPageProps): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "AdminEsim" });
  return { title: t("details") };
}

const bytesToMb = (bytes: bigint) => Number(bytes) / 1_048_576;

// Support and admins (capability "view"); each action shows only to the roles that may use it,
// and is checked again on the server.
export default async function StaffEsimPage({ params }: StaffEsimPageProps) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const staff = await requireStaff("view", `/admin/esims/${id}`);
  const valid = validOrUndefined(staffEsimSchema, { esimId: id });
  const esim = valid ? await esimForStaff(valid.esimId) : null;
  if (!esim) notFound();
  const [t, tEsim, format, plan] = await Promise.all([
    getTranslations("AdminEsim"),
    getTranslations("Esim"),
    getFormatter(),
    getPlanFormat(),
  ]);
  const when = (date: Date) =>
    format.dateTime(date, { dateStyle: "medium", timeStyle: "medium", timeZone: JST_TIME_ZONE });
  const signedData = (bytes: bigint) =>
    bytes === 0n ? "—" : `${bytes < 0n ? "−" : "+"}${plan.data(bytesToMb(bytes < 0n ? -bytes : bytes))}`;
  const signedVoice = (seconds: number) =>
    seconds === 0 ? "—" : `${seconds < 0 ? "−" : "+"}${t("seconds", { seconds: Math.abs(seconds) })}`;
  const ended = esim.state === "REVOKED" || esim.state === "DELETED";
  const reference = orderReference(esim.orderId);

  const details: [string, ReactNode][] = [
    [
      t("iccid"),
      <span key="iccid" className="font-mono" data-testid="iccid">
        {esim.iccid}
      </span>,
    ],
    [t("plan"), <PlanName key="plan" plan={esim.plan} />],
    [t("carrier"), esim.plan.carrier.name],
    [
      t("owner"),
      <Link
        key="owner"
        href={`/admin/customers/${esim.user.id}`}
        className="text-brand-700 underline"
        data-testid="owner"
      >
        {esim.user.name} ({esim.user.email})
      </Link>,
    ],
    [
      t("order"),
      <Link key="order" href={`/admin/orders/${reference}`} className="font-mono text-brand-700 underline">
        {reference}
      </Link>,
    ],
    [
      t("state"),
      <span key="state" data-testid="esim-state">
        {tEsim(`states.${esim.state}`)}
      </span>,
    ],
    [
      t("eid"),
      esim.eid ? (
        <span key="eid" className="font-mono break-all">
          {esim.eid}
        </span>
      ) : (
        t("noEid")
      ),
    ],
    [
      t("validity"),
      esim.validFrom && esim.validUntil
        ? t("validityWindow", { from: when(esim.validFrom), until: when(esim.validUntil) })
        : t("notStarted"),
    ],
    [t("issued"), when(esim.createdAt)],
  ];

  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-3xl font-bold tracking-tight">
          <PlanName plan={esim.plan} />
        </h1>
        <p className="mt-1 font-mono text-slate-700">{esim.iccid}</p>
      </header>

      {esim.suspendedAt && (
        <section
          className="rounded-xl border border-amber-300 bg-amber-50 p-5 text-amber-950"
          data-testid="esim-suspended"
        >
          <h2 className="font-semibold">{t("suspendedTitle")}</h2>
          <p className="mt-1">
            {esim.suspendedByEmail
              ? t("suspendedBy", { email: esim.suspendedByEmail, dateTime: when(esim.suspendedAt) })
              : t("suspendedByUnknown", { dateTime: when(esim.suspendedAt) })}
          </p>
          {esim.suspendedReason && <p className="mt-1">{t("suspendedReason", { reason: esim.suspendedReason })}</p>}
        </section>
      )}

      <section aria-labelledby="details-title">
        <h2 id="details-title" className="text-xl font-semibold">
          {t("details")}
        </h2>
        <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-[12rem_1fr]" data-testid="esim-details">
          {details.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-sm font-medium text-slate-600">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="balance-title" className="rounded-xl border border-slate-200 p-6">
        <h2 id="balance-title" className="mb-4 text-xl font-semibold">
          {t("balance")}
        </h2>
        <BalanceSummary balance={esim.balance} />
      </section>

      {!ended && (
        <section aria-labelledby="actions-title" className="space-y-4">
          <h2 id="actions-title" className="text-xl font-semibold">
            {t("actions")}
          </h2>
          <ClientTranslations messages={["AdminEsim", "Errors"]}>
            <div className="grid gap-4 lg:grid-cols-2">
              {can(staff.role, "resendEmail") && (
                <ResendActivationForm esimId={esim.id} accountEmail={esim.user.email} />
              )}
              {can(staff.role, "suspendEsim") &&
                (esim.suspendedAt ? <ResumeForm esimId={esim.id} /> : <SuspendForm esimId={esim.id} />)}
              {can(staff.role, "revokeEsim") && <RevokeForm esimId={esim.id} />}
            </div>
          </ClientTranslations>
        </section>
      )}

      <section aria-labelledby="history-title">
        <h2 id="history-title" className="text-xl font-semibold">
          {t("history")}
        </h2>
        {esim.events.length === 0 ? (
          <p className="mt-2 text-slate-700">{t("historyEmpty")}</p>
        ) : (
          <div className="mt-3 overflow-x-auto">
            <table className="w-full min-w-[40rem] text-left text-sm" data-testid="esim-events">
              <thead className="border-b border-slate-300 text-slate-600">
                <tr>
                  {(["time", "from", "to", "source"] as const).map((column) => (
                    <th key={column} scope="col" className="py-2 pr-4 font-medium">
                      {t(`columns.${column}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {esim.events.map((event) => (
                  <tr key={event.id} className="border-b border-slate-200">
                    <td className="py-2 pr-4 whitespace-nowrap">{when(event.createdAt)}</td>
                    <td className="py-2 pr-4">{tEsim(`states.${event.fromState}`)}</td>
                    <td className="py-2 pr-4">
                      {event.toState === event.fromState ? t("sameState") : tEsim(`states.${event.toState}`)}
                    </td>
                    <td className="py-2 pr-4 font-mono">{event.source}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="ledger-title">
        <h2 id="ledger-title" className="text-xl font-semibold">
          {t("ledger", { count: STAFF_ESIM_ROWS })}
        </h2>
        {esim.ledger.length === 0 ? (
          <p className="mt-2 text-slate-700">{t("ledgerEmpty")}</p>
        ) : (
          <div className="mt-3 overflow-x-auto">
            <table className="w-full min-w-[48rem] text-left text-sm" data-testid="esim-ledger">
              <thead className="border-b border-slate-300 text-slate-600">
                <tr>
                  {(["time", "kind", "data", "voice", "reason", "source"] as const).map((column) => (
                    <th key={column} scope="col" className="py-2 pr-4 font-medium">
                      {t(`columns.${column}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {esim.ledger.map((entry) => (
                  <tr key={entry.id} className="border-b border-slate-200">
                    <td className="py-2 pr-4 whitespace-nowrap">{when(entry.occurredAt)}</td>
                    <td className="py-2 pr-4">{t(`ledgerKinds.${entry.kind}`)}</td>
                    <td className="py-2 pr-4 whitespace-nowrap">{signedData(entry.dataBytes)}</td>
                    <td className="py-2 pr-4 whitespace-nowrap">{signedVoice(entry.voiceSeconds)}</td>
                    <td className="py-2 pr-4">{entry.reason}</td>
                    <td className="py-2 pr-4 font-mono break-all">{entry.source}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="usage-title">
        <h2 id="usage-title" className="text-xl font-semibold">
          {t("usage", { count: STAFF_ESIM_ROWS })}
        </h2>
        {esim.usageRecords.length === 0 ? (
          <p className="mt-2 text-slate-700">{t("usageEmpty")}</p>
        ) : (
          <div className="mt-3 overflow-x-auto">
            <table className="w-full min-w-[48rem] text-left text-sm" data-testid="esim-usage">
              <thead className="border-b border-slate-300 text-slate-600">
                <tr>
                  {(["occurredAt", "receivedAt", "data", "voice", "source", "recordId"] as const).map((column) => (
                    <th key={column} scope="col" className="py-2 pr-4 font-medium">
                      {t(`columns.${column}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {esim.usageRecords.map((record) => (
                  <tr key={record.id} className="border-b border-slate-200">
                    <td className="py-2 pr-4 whitespace-nowrap">{when(record.occurredAt)}</td>
                    <td className="py-2 pr-4 whitespace-nowrap">{when(record.receivedAt)}</td>
                    <td className="py-2 pr-4 whitespace-nowrap">
                      {record.dataBytes === 0n ? "—" : plan.data(bytesToMb(record.dataBytes))}
                    </td>
                    <td className="py-2 pr-4 whitespace-nowrap">
                      {record.voiceSeconds === 0 ? "—" : t("seconds", { seconds: record.voiceSeconds })}
                    </td>
                    <td className="py-2 pr-4 font-mono">{record.source}</td>
                    <td className="py-2 pr-4 font-mono break-all">{record.recordId}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
