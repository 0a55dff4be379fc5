import "server-only";
import type { CarrierCode, Prisma } from "@prisma/client";

// Whether the simulated SM-DP+ of the carrier answers for this account now. Only the scenario
// simulator ever makes it unavailable (lib/scenarios/smdp-outage.ts); in production there are
// no outages to find, so issuance and downloads go ahead as they always did.
export async function smdpAnswers(
  tx: Prisma.TransactionClient,
  userId: string,
  carrierCode: CarrierCode,
  now = new Date(),
): Promise<boolean> {
  const outage = await tx.smdpOutage.findFirst({
    where: { userId, carrierCode, startsAt: { lte: now }, endsAt: { gt: now } },
    select: { id: true },
  });
  return outage === null;
}
