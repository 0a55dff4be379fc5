import "server-only";
import { db } from "../db/client";
import { esimNow, jstDate, startOfJstDay } from "./clock";
import { daysLeft, MB } from "./rules";

// Status names as reseller APIs (Airalo, eSIM Access) report them.
export type UsageStatus = "NOT_ACTIVE" | "ACTIVE" | "FINISHED" | "EXPIRED";

export type EsimBalance = Awaited<ReturnType<typeof balanceOf>>;

const balanceEsim = {
  id: true,
  iccid: true,
  state: true,
  carrierCode: true,
  validFrom: true,
  validUntil: true,
  clockOffsetMinutes: true,
  createdAt: true,
  ledgerCreditedBytes: true,
  ledgerDebitedBytes: true,
  ledgerCreditedVoiceSeconds: true,
  ledgerDebitedVoiceSeconds: true,
  packageDays: true,
  plan: {
    select: { slug: true, kind: true, dataMb: true, days: true, voiceMinutes: true, fairUseDailyMb: true, throttledKbps: true, carrier: { select: { name: true } } },
  },
} as const;

async function balanceOf(esim: NonNullable<Awaited<ReturnType<typeof findEsim>>>) {
  const now = esimNow(esim);
  const [lastRecord, today] = await Promise.all([
    db.usageRecord.findFirst({ where: { esimId: esim.id }, orderBy: { receivedAt: "desc" }, select: { receivedAt: true } }),
    db.usageRecord.aggregate({ where: { esimId: esim.id, occurredAt: { gte: startOfJstDay(now), lte: now } }, _sum: { dataBytes: true } }),
  ]);
  const { ledgerCreditedBytes, ledgerDebitedBytes, ledgerCreditedVoiceSeconds, ledgerDebitedVoiceSeconds, packageDays, ...profile } = esim;
  const isUnlimited = esim.plan.dataMb === null;
  const totalBytes = isUnlimited ? null : ledgerCreditedBytes;
  const usedBytes = ledgerDebitedBytes;
  const remainingBytes = totalBytes === null ? null : totalBytes - usedBytes;
  const totalVoiceSeconds = ledgerCreditedVoiceSeconds;
  const remainingVoiceSeconds = totalVoiceSeconds - ledgerDebitedVoiceSeconds;
  const expired = esim.state === "DELETED" || (esim.validUntil !== null && esim.validUntil <= now);
  const todayBytes = today._sum.dataBytes ?? 0n;
  const fairUseDailyBytes = esim.plan.fairUseDailyMb ? BigInt(esim.plan.fairUseDailyMb) * MB : null;

  const status: UsageStatus = expired
    ? "EXPIRED"
    : !esim.validFrom
      ? "NOT_ACTIVE"
      : remainingBytes !== null && remainingBytes <= 0n
        ? "FINISHED"
        : "ACTIVE";

  return {
    ...profile,
    now,
    status,
    isUnlimited,
    totalBytes,
    usedBytes,
    remainingBytes,
    totalVoiceSeconds,
    remainingVoiceSeconds,
    totalDays: packageDays,
    daysLeft: esim.validFrom ? daysLeft(esim.validUntil, now) : null,
    expired,
    todayBytes,
    fairUseDailyBytes,
    throttledToday: fairUseDailyBytes !== null && todayBytes >= fairUseDailyBytes,
    asOf: lastRecord?.receivedAt ?? null,
  };
}

function findEsim(esimId: string, userId: string) {
  return db.esimProfile.findFirst({ where: { id: esimId, userId }, select: balanceEsim });
}

export async function esimBalance(esimId: string, userId: string): Promise<EsimBalance | null> {
  const esim = await findEsim(esimId, userId);
  return esim ? balanceOf(esim) : null;
}

export async function esimBalanceByIccid(iccid: string, userId: string): Promise<EsimBalance | null> {
  const esim = await db.esimProfile.findFirst({ where: { iccid, userId }, select: balanceEsim });
  return esim ? balanceOf(esim) : null;
}

// The account's eSIMs that still matter (not deleted), newest first.
export async function balancesOfUser(userId: string): Promise<EsimBalance[]> {
  const esims = await db.esimProfile.findMany({ where: { userId, state: { not: "DELETED" } }, orderBy: { createdAt: "desc" }, select: balanceEsim });
  return Promise.all(esims.map(balanceOf));
}

// Data used per Japan day over the last `days` days, oldest first, for the usage chart.
export async function dailyUsage(esimId: string, now: Date, days = 14): Promise<{ date: string; bytes: bigint }[]> {
  const from = new Date(startOfJstDay(now).getTime() - (days - 1) * 86_400_000);
  const rows = await db.$queryRaw<{ day: string; bytes: bigint }[]>`
    SELECT to_char(("occurredAt" + interval '9 hours'), 'YYYY-MM-DD') AS day, SUM("dataBytes")::bigint AS bytes
    FROM usage_records WHERE "esimId" = ${esimId} AND "occurredAt" >= ${from.toISOString().replace("Z", "")}::timestamp
    GROUP BY day`;
  const byDay = new Map(rows.map((row) => [row.day, BigInt(row.bytes)]));
  return Array.from({ length: days }, (_, index) => {
    const date = jstDate(new Date(from.getTime() + index * 86_400_000));
    return { date, bytes: byDay.get(date) ?? 0n };
  });
}
