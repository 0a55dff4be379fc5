import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "../db/client";
import { env } from "../env";
import { lockEsim } from "../esim/row-lock";
import { raiseDueExpiryAlerts } from "./alerts";
import { lapseIfEnded } from "./expiry";
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
  const found = await db.$transaction(async (tx) => {
    const esim = await lockEsim(tx, esimId, userId);
    if (!esim) return false;
    const clockOffsetMinutes = esim.clockOffsetMinutes + minutes;
    await tx.esimProfile.update({ where: { id: esim.id }, data: { clockOffsetMinutes } });
    await lapseIfEnded(tx, { ...esim, clockOffsetMinutes });
    return true;
  });
  if (!found) return { status: "not_found" };
  await raiseDueExpiryAlerts();
  return { status: "advanced" };
}
