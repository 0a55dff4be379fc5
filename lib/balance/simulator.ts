import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "../db/client";
import { env } from "../env";
import { esimNow } from "../time/esim-clock";
import { raiseDueExpiryAlerts } from "./alerts";
import { lapseRemainingBalance } from "./expiry";
import { recordUsage, type UsageResult } from "./usage";

// The simulator's controls make traffic and time pass for one eSIM. They exist for testing
// and demos, so production refuses them.
export function simulatorAvailable(): boolean {
  return env().APP_ENV !== "production";
}

function assertSimulator() {
  if (!simulatorAvailable()) throw new Error("The network simulator is not available in production");
}

export async function simulateUsage(
  esimId: string,
  userId: string,
  usage: { dataBytes: bigint; voiceSeconds: number },
): Promise<UsageResult> {
  assertSimulator();
  return recordUsage({ esimId, userId, recordId: `sim-${randomUUID()}`, ...usage, source: "simulator" });
}

export async function advanceClock(
  esimId: string,
  userId: string,
  minutes: number,
): Promise<{ status: "advanced" | "not_found" }> {
  assertSimulator();
  const { count } = await db.esimProfile.updateMany({
    where: { id: esimId, userId },
    data: { clockOffsetMinutes: { increment: minutes } },
  });
  if (count === 0) return { status: "not_found" };
  const esim = await db.esimProfile.findUniqueOrThrow({
    where: { id: esimId },
    select: { validUntil: true, clockOffsetMinutes: true },
  });
  if (esim.validUntil && esimNow(esim) > esim.validUntil) {
    await db.$transaction((tx) => lapseRemainingBalance(tx, esimId, esim.validUntil!));
  }
  await raiseDueExpiryAlerts();
  return { status: "advanced" };
}
