import "server-only";
import { db } from "../db/client";
import { recordUsage } from "../balance/usage";
import { addJob, type JobPayloads } from "../jobs/queue";
import { esimNow } from "../time/esim-clock";
import { afterSandboxWait } from "../time/sandbox";
import { recordsIn, shareOf } from "./split";
import { scenarioJobKey } from "./usage-stream";

type LateBatch = JobPayloads["scenario-late-batch"];

// "Roam into a dead zone": the phone goes on using data, but no record reaches the shop for
// the zone's length; then the network delivers the whole span's records at once, each dated
// when the traffic happened. Until then the balance's "as of" (the latest record received)
// stays where it was, as it does on real networks, and the late batch brings it up to date.
export async function startDeadZone(
  scenarioId: string,
  esim: { id: string; userId: string; clockOffsetMinutes: number },
  { mb, minutes }: { mb: number; minutes: number },
  startedAt = new Date(),
) {
  const batch: LateBatch = {
    scenarioId,
    esimId: esim.id,
    userId: esim.userId,
    totalBytes: String(BigInt(mb) * 1_048_576n),
    records: recordsIn(minutes * 60_000),
    silentFrom: esimNow(esim, startedAt).toISOString(),
  };
  const endsAt = afterSandboxWait(minutes * 60_000, startedAt);
  await db.$transaction((tx) =>
    addJob(tx, "scenario-late-batch", batch, { runAt: endsAt, jobKey: scenarioJobKey(scenarioId) }),
  );
  return { records: batch.records, endsAt };
}

// The late batch: the zone's records, spread over the silent span on the eSIM's clock, oldest
// first. Record ids are the batch's, so the queue retrying a half-delivered batch adds only
// the records still missing.
export async function deliverLateBatch(batch: LateBatch): Promise<{ status: "delivered" | "stopped" }> {
  const esim = await db.esimProfile.findUnique({ where: { id: batch.esimId }, select: { clockOffsetMinutes: true } });
  if (!esim) return { status: "stopped" };
  const from = new Date(batch.silentFrom).getTime();
  const span = Math.max(0, esimNow(esim).getTime() - from);
  for (let k = 1; k <= batch.records; k += 1) {
    const result = await recordUsage({
      esimId: batch.esimId,
      userId: batch.userId,
      recordId: `scenario-${batch.scenarioId}-${k}`,
      dataBytes: shareOf(BigInt(batch.totalBytes), batch.records, k),
      voiceSeconds: 0,
      occurredAt: new Date(from + Math.round((span * k) / batch.records)),
      source: "scenario:dead_zone",
    });
    if (result.status === "busy") throw new Error(`eSIM ${batch.esimId} busy; late batch retried`);
    if (result.status !== "recorded" && result.status !== "duplicate") return { status: "stopped" };
  }
  return { status: "delivered" };
}
