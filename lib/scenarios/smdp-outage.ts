import "server-only";
import type { CarrierCode } from "@prisma/client";
import { db } from "../db/client";
import { afterSandboxWait } from "../time/sandbox";

// "SM-DP+ unavailable for N minutes": the carrier's SM-DP+ stops answering for the eSIM's
// account. While it is out, eSIMs paid for are not issued (the order stays paid, the buyer sees
// "preparing your eSIM", and a job retries: lib/orders/deferred-issue.ts) and downloads are
// refused (lib/esim/profiles.ts); both go through by themselves once it answers again.
export async function startSmdpOutage(
  esim: { userId: string; carrierCode: CarrierCode },
  { minutes }: { minutes: number },
  startedAt = new Date(),
) {
  const endsAt = afterSandboxWait(minutes * 60_000, startedAt);
  const outage = await db.smdpOutage.create({
    data: { userId: esim.userId, carrierCode: esim.carrierCode, startsAt: startedAt, endsAt },
    select: { id: true },
  });
  return { id: outage.id, endsAt };
}
