import "server-only";
import type { Prisma } from "@prisma/client";
import type { RefundStatus } from "../payments/gateway";

// Every kind of background work and what its job carries. The task list (lib/jobs/tasks.ts)
// must implement each; code that causes work imports only this module.
export type JobPayloads = {
  "deliver-emails": Record<string, never>;
  "raise-expiry-alerts": Record<string, never>;
  "lapse-ended-balances": Record<string, never>;
  "retry-due-refunds": Record<string, never>;
  "unlock-dead-workers": Record<string, never>;
  "reconcile-orders": Record<string, never>;
  "expire-local-sessions": Record<string, never>;
  "deliver-local-event": { eventId: string };
  "settle-konbini-voucher": { sessionId: string; result: "paid" | "expired" };
  "settle-local-refund": { refundId: string; from: RefundStatus; to: RefundStatus };
  "prune-ended-sessions": Record<string, never>;
  "prune-idempotency-keys": Record<string, never>;
  // Outgoing webhooks: attempt number `attempt` of one delivery; eSIMs whose validity ended.
  "deliver-webhook": { deliveryId: string; attempt: number };
  "announce-expired-esims": Record<string, never>;
  // The scenario simulator (lib/scenarios) and the SM-DP+ outage it can cause.
  "scenario-usage-stream": {
    scenarioId: string;
    esimId: string;
    userId: string;
    totalBytes: string;
    records: number;
    step: number;
    startedAt: string;
  };
  "scenario-late-batch": {
    scenarioId: string;
    esimId: string;
    userId: string;
    totalBytes: string;
    records: number;
    silentFrom: string;
  };
  "issue-esims": { orderId: string; attempt: number };
  "open-local-dispute": { sessionId: string };
  "close-local-dispute": { disputeId: string; outcome: "won" | "lost" };
};

export type JobName = keyof JobPayloads;

type JobOptions = {
  runAt?: Date;
  // At most one pending job per key: adding another replaces it (a new run time, a new payload),
  // so a burst of causes makes one job. A job already running keeps going and the new one waits.
  jobKey?: string;
  // With jobKey: a pending job keeps its run time when another is added in its place, so a steady
  // stream of causes cannot keep pushing it behind every other job due meanwhile.
  keepRunAt?: boolean;
  maxAttempts?: number;
};

// Adds a job in the caller's transaction (graphile-worker's add_job): the runner cannot see it
// before the transaction commits, and it is gone if the transaction rolls back, so the work
// exists exactly when its cause does.
export async function addJob<Name extends JobName>(
  tx: Prisma.TransactionClient,
  name: Name,
  payload: JobPayloads[Name],
  { runAt, jobKey, keepRunAt = false, maxAttempts }: JobOptions = {},
): Promise<void> {
  await tx.$executeRaw`
    SELECT FROM graphile_worker.add_job(
      identifier => ${name},
      payload => ${JSON.stringify(payload)}::json,
      run_at => ${runAt ?? null}::timestamptz,
      job_key => ${jobKey ?? null}::text,
      max_attempts => ${maxAttempts ?? null}::int,
      job_key_mode => ${keepRunAt ? "preserve_run_at" : "replace"}::text)`;
}
