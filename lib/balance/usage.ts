import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "../db/client";
import { applyLifecycleEvent } from "../esim/profiles";
import { oneAtATime } from "../esim/one-at-a-time";
import { lockEsim } from "../esim/row-lock";
import { esimNow } from "../time/esim-clock";
import { startOfJstDay } from "../time/jst";
import { raiseBalanceAlerts } from "./alerts";
import { lapseRemainingBalance } from "./expiry";
import { appendLedger, packageBalances } from "./ledger";
import { allocateDebit, MB } from "./rules";

export const MAX_RECORD_BYTES = 100n * 1024n * MB; // 100 GB in one record is not a phone
export const MAX_RECORD_VOICE_SECONDS = 24 * 60 * 60;

export type UsageInput = {
  esimId: string;
  userId: string;
  recordId: string;
  dataBytes: bigint;
  voiceSeconds: number;
  // When the network saw it; defaults to the eSIM's clock.
  occurredAt?: Date;
  source: string;
};

export type UsageResult =
  | { status: "recorded"; alertsRaised: number }
  | { status: "duplicate" }
  | { status: "not_found" }
  | { status: "not_active"; state: string }
  | { status: "expired"; validUntil: Date }
  // Support suspended the eSIM: nothing is recorded or debited until it is resumed.
  | { status: "suspended"; suspendedAt: Date }
  | { status: "busy" };

// Records what the network reports and debits the ledger, oldest package first. Records for
// one eSIM are applied one at a time (the profile row is locked), so concurrent reports add up
// exactly; the carrier's record id makes a repeated report count once.
export async function recordUsage(input: UsageInput): Promise<UsageResult> {
  const queued = await oneAtATime(input.esimId, () => applyUsage(input));
  return queued.status === "busy" ? queued : queued.value;
}

async function applyUsage(input: UsageInput): Promise<UsageResult> {
  let esim = await db.esimProfile.findFirst({
    where: { id: input.esimId, userId: input.userId },
    select: { id: true, state: true, clockOffsetMinutes: true, suspendedAt: true },
  });
  if (!esim) return { status: "not_found" };
  // Checked before the first-use step too, so traffic on a suspended eSIM does not start its
  // validity; and again under the lock below, which a suspension takes as well.
  if (esim.suspendedAt) return { status: "suspended", suspendedAt: esim.suspendedAt };
  // Traffic from an installed profile is its first use on the network.
  if (esim.state === "INSTALLED") {
    await applyLifecycleEvent(esim.id, input.userId, "enable", "network", { now: esimNow(esim) });
    esim = { ...esim, state: "ENABLED" };
  }

  const result = await db.$transaction(
    async (tx): Promise<UsageResult> => {
      const locked = await lockEsim(tx, input.esimId, input.userId);
      if (!locked) return { status: "not_found" };
      if (locked.suspendedAt) return { status: "suspended", suspendedAt: locked.suspendedAt };
      if (locked.state !== "ENABLED") return { status: "not_active", state: locked.state };
      const now = esimNow(locked);
      const occurredAt = input.occurredAt ?? now;
      if (locked.validUntil && occurredAt > locked.validUntil) {
        await lapseRemainingBalance(tx, input.esimId, locked.validUntil);
        return { status: "expired", validUntil: locked.validUntil };
      }

      const inserted = await tx.usageRecord.createMany({
        data: [
          {
            esimId: input.esimId,
            recordId: input.recordId,
            dataBytes: input.dataBytes,
            voiceSeconds: input.voiceSeconds,
            occurredAt,
            source: input.source,
          },
        ],
        skipDuplicates: true,
      });
      if (inserted.count === 0) return { status: "duplicate" };

      const packages = await packageBalances(tx, input.esimId);
      const data = allocateDebit(packages, input.dataBytes, "data");
      const voice = allocateDebit(packages, BigInt(input.voiceSeconds), "voice");
      const byPackage = new Map<string, { dataBytes: bigint; voiceSeconds: number }>();
      for (const { packageId, amount } of data.allocations)
        byPackage.set(packageId, { dataBytes: amount, voiceSeconds: 0 });
      for (const { packageId, amount } of voice.allocations) {
        const entry = byPackage.get(packageId) ?? { dataBytes: 0n, voiceSeconds: 0 };
        byPackage.set(packageId, { ...entry, voiceSeconds: Number(amount) });
      }
      await appendLedger(
        tx,
        input.esimId,
        [...byPackage].map(([packageId, amounts]) => ({
          packageId,
          kind: "USAGE" as const,
          dataBytes: -amounts.dataBytes,
          voiceSeconds: -amounts.voiceSeconds,
          reason: "network usage",
          source: input.recordId,
          occurredAt,
        })),
      );

      const throttledToday = await unlimitedThrottledOn(tx, input.esimId, occurredAt);
      return { status: "recorded", alertsRaised: await raiseBalanceAlerts(tx, input.esimId, throttledToday) };
      // Reports for one eSIM queue on its row lock, so a burst needs room to wait its turn.
    },
    { maxWait: 30_000, timeout: 30_000 },
  );
  return result;
}

// Unlimited plans run at full speed up to a daily allowance, counted per Japan day.
async function unlimitedThrottledOn(tx: Prisma.TransactionClient, esimId: string, instant: Date): Promise<boolean> {
  const esim = await tx.esimProfile.findUniqueOrThrow({
    where: { id: esimId },
    select: { plan: { select: { fairUseDailyMb: true } } },
  });
  if (!esim.plan.fairUseDailyMb) return false;
  const from = startOfJstDay(instant);
  const { _sum } = await tx.usageRecord.aggregate({
    where: { esimId, occurredAt: { gte: from, lt: new Date(from.getTime() + 86_400_000) } },
    _sum: { dataBytes: true },
  });
  return (_sum.dataBytes ?? 0n) >= BigInt(esim.plan.fairUseDailyMb) * MB;
}
