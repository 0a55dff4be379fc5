import "server-only";
import type { CarrierCode, EsimState, Prisma } from "@prisma/client";

export type LockedEsim = {
  id: string;
  userId: string;
  state: EsimState;
  carrierCode: CarrierCode;
  eid: string | null;
  validFrom: Date | null;
  validUntil: Date | null;
  packageDays: number;
  clockOffsetMinutes: number;
  // Support suspended it (lib/admin/esims.ts): the network's usage is refused until resumed.
  suspendedAt: Date | null;
};

// How long a change waits for another change of the same eSIM. Each holds the lock for a few
// milliseconds; a wait this long means something is stuck, and failing (the caller or its job
// retries) frees the pool connection instead of holding it.
const LOCK_WAIT = "5s";

// Everything that changes one eSIM's state, balance or validity — usage records, top-ups,
// lifecycle steps, expiry, the simulator's clock — first takes its row lock in its transaction
// and reads the row under it, so these changes apply one after another and never from a stale
// read. The row is returned only when it belongs to `userId` (when given).
export async function lockEsim(
  tx: Prisma.TransactionClient,
  esimId: string,
  userId?: string,
): Promise<LockedEsim | null> {
  await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = '${LOCK_WAIT}'`);
  const [row] = await tx.$queryRaw<LockedEsim[]>`
    SELECT id, "userId", state, "carrierCode", eid, "validFrom", "validUntil", "packageDays", "clockOffsetMinutes",
      "suspendedAt"
    FROM esim_profiles WHERE id = ${esimId} FOR UPDATE`;
  return row && (userId === undefined || row.userId === userId) ? row : null;
}
