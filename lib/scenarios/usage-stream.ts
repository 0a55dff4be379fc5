import "server-only";
import { db } from "../db/client";
import { recordUsage } from "../balance/usage";
import { addJob, type JobPayloads } from "../jobs/queue";
import { afterSandboxWait } from "../time/sandbox";
import { RECORD_SLOT_MS, shareOf } from "./split";

type StreamStep = JobPayloads["scenario-usage-stream"];

export const scenarioJobKey = (scenarioId: string) => `scenario:${scenarioId}`;

// "Use X MB over Y hours": one record at the end of every 15-minute slot of the span, each a
// job due at its slot's end on the sandbox's clock (SANDBOX_TIME_SCALE times sooner), so the
// stream is real traffic through the shop's own usage path, arriving over time.
export async function startUsageStream(
  scenarioId: string,
  esim: { id: string; userId: string },
  { mb, hours }: { mb: number; hours: number },
  startedAt = new Date(),
) {
  const records = Math.round((hours * 60 * 60_000) / RECORD_SLOT_MS);
  const first: StreamStep = {
    scenarioId,
    esimId: esim.id,
    userId: esim.userId,
    totalBytes: String(BigInt(mb) * 1_048_576n),
    records,
    step: 1,
    startedAt: startedAt.toISOString(),
  };
  await db.$transaction((tx) => scheduleStep(tx, first));
  return { records, endsAt: stepDue(first, records) };
}

// Each step's time is counted from the start, so a late run does not push the rest back.
function stepDue(stream: StreamStep, step: number): Date {
  return afterSandboxWait(step * RECORD_SLOT_MS, new Date(stream.startedAt));
}

function scheduleStep(tx: Parameters<typeof addJob>[0], step: StreamStep) {
  return addJob(tx, "scenario-usage-stream", step, {
    runAt: stepDue(step, step.step),
    jobKey: scenarioJobKey(step.scenarioId),
  });
}

// One slot's record, then the next slot's job. The record's id is the slot's, so a step run
// twice (the queue retrying it after a crash) counts once. A phone that is no longer on the
// network (disabled, deleted, ended) ends the stream.
export async function runStreamStep(stream: StreamStep): Promise<{ status: "recorded" | "stopped" | "finished" }> {
  const result = await recordUsage({
    esimId: stream.esimId,
    userId: stream.userId,
    recordId: `scenario-${stream.scenarioId}-${stream.step}`,
    dataBytes: shareOf(BigInt(stream.totalBytes), stream.records, stream.step),
    voiceSeconds: 0,
    source: "scenario:usage_stream",
  });
  // The queue tries the same step again after its backoff.
  if (result.status === "busy") throw new Error(`eSIM ${stream.esimId} busy; stream step retried`);
  if (result.status !== "recorded" && result.status !== "duplicate") return { status: "stopped" };
  if (stream.step >= stream.records) return { status: "finished" };
  await db.$transaction((tx) => scheduleStep(tx, { ...stream, step: stream.step + 1 }));
  return { status: "recorded" };
}
