import "server-only";
import type { Prisma } from "@prisma/client";
import { appendLedger, packageBalances } from "./ledger";

// When an eSIM's validity has passed, what was left of each package lapses: an EXPIRY entry
// takes the remainder to zero, once (a package already at zero gets none).
export async function lapseRemainingBalance(tx: Prisma.TransactionClient, esimId: string, at: Date): Promise<number> {
  const packages = await packageBalances(tx, esimId);
  const lapses = packages
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
      reason: "validity ended",
      source: "expiry",
      occurredAt: at,
    })),
  );
  return lapses.length;
}
