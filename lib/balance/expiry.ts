import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "../db/client";
import { type LockedEsim, lockEsim } from "../esim/row-lock";
import { esimNow } from "../time/esim-clock";
import { announceExpired } from "../webhooks/announce";
import { appendLedger, packageBalances } from "./ledger";

// Why what was left lapses: validity ended, or the order that paid for it was refunded in full
// (then only that order's packages, unless the whole eSIM was refunded).
export type LapseCause = { reason: string; source: string; packageIds?: string[] };

const VALIDITY_ENDED: LapseCause = { reason: "validity ended", source: "expiry" };

// When an eSIM's validity has passed, what was left of each package lapses: an EXPIRY entry
// takes the remainder to zero, once (a package already at zero gets none).
export async function lapseRemainingBalance(
  tx: Prisma.TransactionClient,
  esimId: string,
  at: Date,
  { reason, source, packageIds }: LapseCause = VALIDITY_ENDED,
): Promise<number> {
  const packages = await packageBalances(tx, esimId);
  const lapses = packages
    .filter((pkg) => !packageIds || packageIds.includes(pkg.id))
    .map((pkg) => ({
      pkg,
      dataBytes: pkg.creditedBytes === null ? 0n : pkg.creditedBytes - pkg.usedBytes,
      voiceSeconds: pkg.creditedVoiceSeconds - pkg.usedVoiceSeconds,
    }))
    .filter(({ dataBytes, voiceSeconds }) => dataBytes > 0n || voiceSeconds > 0);
  if (lapses.length === 0) return 0;
  await appendLedger(
    tx,
    esimId,
    lapses.map(({ pkg, dataBytes, voiceSeconds }) => ({
      packageId: pkg.id,
      kind: "EXPIRY" as const,
      dataBytes: -dataBytes,
      voiceSeconds: -voiceSeconds,
      reason,
      source,
      occurredAt: at,
    })),
  );
  return lapses.length;
}

// What the simulator's clock and the periodic sweep both do: under the eSIM's row lock, lapse
// what is left once validity has ended by the eSIM's own clock.
export async function lapseIfEnded(tx: Prisma.TransactionClient, esim: LockedEsim): Promise<number> {
  if (!esim.validUntil || esimNow(esim) <= esim.validUntil) return 0;
  await announceExpired(tx, { ...esim, validUntil: esim.validUntil });
  return lapseRemainingBalance(tx, esim.id, esim.validUntil);
}

// Data left at the end of validity lapses then, not only when the next usage record arrives, so
// the balance shown after the end is zero and a top-up in the grace window cannot revive it.
export async function lapseEndedBalances(limit = 100): Promise<number> {
  const ended = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM esim_profiles
    WHERE "validUntil" < now() + "clockOffsetMinutes" * interval '1 minute'
      AND ("ledgerCreditedBytes" > "ledgerDebitedBytes" OR "ledgerCreditedVoiceSeconds" > "ledgerDebitedVoiceSeconds")
    ORDER BY "validUntil" LIMIT ${limit}`;
  let lapsed = 0;
  for (const { id } of ended) {
    lapsed += await db.$transaction(async (tx) => {
      const esim = await lockEsim(tx, id);
      return esim ? lapseIfEnded(tx, esim) : 0;
    });
  }
  return lapsed;
}
