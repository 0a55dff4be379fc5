import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "../db/client";
import { esimNow } from "../time/esim-clock";
import { jstDate, startOfJstDay } from "../time/jst";
import { jstDateSql } from "../time/sql";
import { daysLeft, MB } from "./rules";

// Status names as reseller APIs (Airalo, eSIM Access) report them.
export type UsageStatus = "NOT_ACTIVE" | "ACTIVE" | "FINISHED" | "EXPIRED";

export type EsimBalance = ReturnType<typeof balanceFrom>;

const balanceEsim = {
  id: true,
  iccid: true,
  state: true,
  eid: true,
  carrierCode: true,
  validFrom: true,
  validUntil: true,
  clockOffsetMinutes: true,
  suspendedAt: true,
  createdAt: true,
  ledgerCreditedBytes: true,
  ledgerDebitedBytes: true,
  ledgerCreditedVoiceSeconds: true,
  ledgerDebitedVoiceSeconds: true,
  packageDays: true,
  plan: {
    select: {
      slug: true,
      kind: true,
      dataMb: true,
      days: true,
      voiceMinutes: true,
      fairUseDailyMb: true,
      throttledKbps: true,
      carrier: { select: { name: true } },
    },
  },
} as const;

type BalanceEsim = Prisma.EsimProfileGetPayload<{ select: typeof balanceEsim }>;
type UsageFacts = { asOf: Date | null; todayBytes: bigint };

// Postgres stores these columns as UTC timestamps without a zone.
const utcTimestamp = (instant: Date) => instant.toISOString().replace("Z", "");

// The two facts a balance needs from the usage records — the latest record ("as of") and the
// data used since midnight JST on the eSIM's own clock (fair use) — for any number of eSIMs in
// one query, so a long list of eSIMs costs the same round trips as one.
async function usageFacts(
  esims: { id: string; now: Date }[],
  client: Prisma.TransactionClient = db,
): Promise<Map<string, UsageFacts>> {
  if (esims.length === 0) return new Map();
  const rows = await client.$queryRaw<{ esimId: string; asOf: Date | null; todayBytes: bigint }[]>`
    SELECT e.id AS "esimId",
      (SELECT max(u."receivedAt") FROM usage_records u WHERE u."esimId" = e.id) AS "asOf",
      (SELECT COALESCE(SUM(u."dataBytes"), 0)::bigint FROM usage_records u
        WHERE u."esimId" = e.id AND u."occurredAt" >= e.since AND u."occurredAt" <= e.until) AS "todayBytes"
    FROM unnest(${esims.map((esim) => esim.id)}::text[],
                ${esims.map((esim) => utcTimestamp(startOfJstDay(esim.now)))}::timestamp[],
                ${esims.map((esim) => utcTimestamp(esim.now))}::timestamp[]) AS e(id, since, until)`;
  return new Map(rows.map((row) => [row.esimId, { asOf: row.asOf, todayBytes: BigInt(row.todayBytes) }]));
}

function balanceFrom(esim: BalanceEsim, now: Date, usage: UsageFacts) {
  const {
    ledgerCreditedBytes,
    ledgerDebitedBytes,
    ledgerCreditedVoiceSeconds,
    ledgerDebitedVoiceSeconds,
    packageDays,
    ...profile
  } = esim;
  const isUnlimited = esim.plan.dataMb === null;
  const totalBytes = isUnlimited ? null : ledgerCreditedBytes;
  const usedBytes = ledgerDebitedBytes;
  const remainingBytes = totalBytes === null ? null : totalBytes - usedBytes;
  const totalVoiceSeconds = ledgerCreditedVoiceSeconds;
  const remainingVoiceSeconds = totalVoiceSeconds - ledgerDebitedVoiceSeconds;
  const expired = esim.state === "DELETED" || (esim.validUntil !== null && esim.validUntil <= now);
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
    todayBytes: usage.todayBytes,
    fairUseDailyBytes,
    throttledToday: fairUseDailyBytes !== null && usage.todayBytes >= fairUseDailyBytes,
    asOf: usage.asOf,
  };
}

async function balancesOf(esims: BalanceEsim[], client?: Prisma.TransactionClient): Promise<EsimBalance[]> {
  const clocks = esims.map((esim) => ({ id: esim.id, now: esimNow(esim) }));
  const usage = await usageFacts(clocks, client);
  return esims.map((esim, index) =>
    balanceFrom(esim, clocks[index]!.now, usage.get(esim.id) ?? { asOf: null, todayBytes: 0n }),
  );
}

async function singleBalance(esim: BalanceEsim | null): Promise<EsimBalance | null> {
  return esim ? (await balancesOf([esim]))[0]! : null;
}

export async function esimBalance(esimId: string, userId: string): Promise<EsimBalance | null> {
  return singleBalance(await db.esimProfile.findFirst({ where: { id: esimId, userId }, select: balanceEsim }));
}

// Inside a transaction that has just changed the eSIM: the balance as that change leaves it
// (what an announcement of the change reports), before it has committed.
export async function esimBalanceInTransaction(tx: Prisma.TransactionClient, esimId: string): Promise<EsimBalance> {
  const esim = await tx.esimProfile.findUniqueOrThrow({ where: { id: esimId }, select: balanceEsim });
  return (await balancesOf([esim], tx))[0]!;
}

export async function esimBalanceByIccid(iccid: string, userId: string): Promise<EsimBalance | null> {
  return singleBalance(await db.esimProfile.findFirst({ where: { iccid, userId }, select: balanceEsim }));
}

type BalancePage = { where?: Prisma.EsimProfileWhereInput; take?: number };

// The account's eSIMs that still matter (not deleted), newest first; all of them, or the page
// of the API's list that `where` and `take` pick (the id orders eSIMs issued in one instant).
export async function balancesOfUser(userId: string, { where, take }: BalancePage = {}): Promise<EsimBalance[]> {
  return balancesOf(
    await db.esimProfile.findMany({
      where: { ...where, userId, state: { not: "DELETED" } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take,
      select: balanceEsim,
    }),
  );
}

// Data used per Japan day over the last `days` days, oldest first, for the usage chart.
export async function dailyUsage(esimId: string, now: Date, days = 14): Promise<{ date: string; bytes: bigint }[]> {
  const from = new Date(startOfJstDay(now).getTime() - (days - 1) * 86_400_000);
  const rows = await db.$queryRaw<{ day: string; bytes: bigint }[]>`
    SELECT ${jstDateSql("occurredAt")} AS day, SUM("dataBytes")::bigint AS bytes
    FROM usage_records WHERE "esimId" = ${esimId} AND "occurredAt" >= ${utcTimestamp(from)}::timestamp
    GROUP BY day`;
  const byDay = new Map(rows.map((row) => [row.day, BigInt(row.bytes)]));
  return Array.from({ length: days }, (_, index) => {
    const date = jstDate(new Date(from.getTime() + index * 86_400_000));
    return { date, bytes: byDay.get(date) ?? 0n };
  });
}
