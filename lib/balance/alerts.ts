import "server-only";
import type { AlertKind, Prisma } from "@prisma/client";
import { db } from "../db/client";
import { enqueueEmail } from "../email/outbox";
import { esimNow } from "../time/esim-clock";
import { jstDate } from "../time/jst";
import { announceAlert } from "../webhooks/announce";
import { packageBalances } from "./ledger";
import { dataAlertsFor, expiryAlertsFor } from "./rules";

const alertEsim = {
  id: true,
  iccid: true,
  validUntil: true,
  clockOffsetMinutes: true,
  plan: { select: { dataMb: true, days: true, carrier: { select: { name: true } } } },
  user: { select: { id: true, name: true, email: true, locale: true } },
} satisfies Prisma.EsimProfileSelect;

type AlertEsim = Prisma.EsimProfileGetPayload<{ select: typeof alertEsim }>;

type Raise = { packageId: string; kind: AlertKind; period?: string };

// Each alert exists once per package (or per Japan day for throttling): the unique key on
// (package, kind, period) decides, however many records or workers arrive at once. The row is
// the in-app notice; its email goes into the outbox in the same transaction.
async function raise(tx: Prisma.TransactionClient, esim: AlertEsim, alerts: Raise[]): Promise<number> {
  let raised = 0;
  for (const alert of alerts) {
    const { count } = await tx.balanceAlert.createMany({
      data: [
        {
          esimId: esim.id,
          userId: esim.user.id,
          packageId: alert.packageId,
          kind: alert.kind,
          period: alert.period ?? "",
        },
      ],
      skipDuplicates: true,
    });
    if (count === 0) continue;
    raised += 1;
    await announceAlert(tx, { id: esim.id, userId: esim.user.id, validUntil: esim.validUntil }, alert.kind);
    await enqueueEmail(tx, {
      userId: esim.user.id,
      to: esim.user.email,
      locale: esim.user.locale,
      template: "balance-alert",
      payload: {
        name: esim.user.name,
        kind: alert.kind,
        iccid: esim.iccid,
        esimId: esim.id,
        plan: { carrierName: esim.plan.carrier.name, dataMb: esim.plan.dataMb, days: esim.plan.days },
      },
    });
  }
  return raised;
}

export function loadAlertEsim(tx: Prisma.TransactionClient, esimId: string) {
  return tx.esimProfile.findUniqueOrThrow({ where: { id: esimId }, select: alertEsim });
}

// After usage: data thresholds per package, the unlimited plan's daily throttle, and expiry.
export async function raiseBalanceAlerts(tx: Prisma.TransactionClient, esimId: string, throttledToday: boolean) {
  const esim = await loadAlertEsim(tx, esimId);
  const now = esimNow(esim);
  const packages = await packageBalances(tx, esimId);
  const alerts: Raise[] = packages.flatMap((pkg) => dataAlertsFor(pkg).map((kind) => ({ packageId: pkg.id, kind })));
  const planPackage = packages.find((pkg) => pkg.kind === "PLAN");
  if (throttledToday && planPackage)
    alerts.push({ packageId: planPackage.id, kind: "THROTTLED", period: jstDate(now) });
  const lastPackage = packages.at(-1);
  if (lastPackage)
    alerts.push(...expiryAlertsFor(esim.validUntil, now).map((kind) => ({ packageId: lastPackage.id, kind })));
  return raise(tx, esim, alerts);
}

// Expiry warnings come from the passing of time, not from usage: a scheduled job checks the eSIMs
// (each on its own clock) that end within three days and have not been warned yet.
export async function raiseDueExpiryAlerts(realNow = new Date()): Promise<number> {
  // Columns hold UTC without a zone; compare with the same.
  const utcNow = realNow.toISOString().replace("Z", "");
  const due = await db.$queryRaw<{ id: string }[]>`
    SELECT e.id FROM esim_profiles e
    WHERE e.state = 'ENABLED'
      AND e."validUntil" > ${utcNow}::timestamp + e."clockOffsetMinutes" * interval '1 minute'
      AND e."validUntil" <= ${utcNow}::timestamp + e."clockOffsetMinutes" * interval '1 minute' + interval '3 days'
      AND NOT EXISTS (SELECT 1 FROM balance_alerts a WHERE a."esimId" = e.id AND a.kind = 'EXPIRES_1_DAY')`;
  let raised = 0;
  for (const { id } of due) raised += await db.$transaction((tx) => raiseBalanceAlerts(tx, id, false));
  return raised;
}
