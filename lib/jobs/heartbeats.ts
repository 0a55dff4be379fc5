import "server-only";
import { db } from "../db/client";
import { log } from "../log";

// A process killed mid-job (kill -9, a crashed container) leaves its jobs locked, and
// graphile-worker 0.16 hands a locked job to another worker only after four hours. It keeps no
// record of which workers are alive, so each runner says so here for its workers, and a sweep
// on any instance unlocks the jobs of workers whose process has stopped saying it.

export const HEARTBEAT_INTERVAL_MS = 10_000;
// Four beats missed: the process is gone, or cut off from the database for that long (then a
// job of it may run twice, which every job already allows, as the queue retries any job).
export const DEAD_AFTER_MS = 40_000;

// Times are the database's own, so instances with skewed clocks agree on what is stale.
export async function recordHeartbeat(workerIds: string[]): Promise<void> {
  if (workerIds.length === 0) return;
  await db.$executeRaw`
    INSERT INTO job_worker_heartbeats ("workerId", "beatAt")
    SELECT id, now() FROM unnest(${workerIds}::text[]) AS id
    ON CONFLICT ("workerId") DO UPDATE SET "beatAt" = excluded."beatAt"`;
}

// A worker that stopped cleanly has released its jobs itself.
export async function forgetWorkers(workerIds: string[]): Promise<void> {
  await db.$executeRaw`DELETE FROM job_worker_heartbeats WHERE "workerId" = ANY(${workerIds}::text[])`;
}

// Unlocks every job and job queue held by a worker not heard of for `deadAfterMs`: one whose
// last beat is older, or one with no beat at all whose lock is older (its process died before
// its first beat, or ran a version without them). Their jobs run again on a live worker.
export async function unlockDeadWorkers(deadAfterMs = DEAD_AFTER_MS): Promise<{ workerIds: string[] }> {
  const bound = `${deadAfterMs} milliseconds`;
  const dead = await db.$queryRaw<{ workerId: string }[]>`
    WITH holders AS (
      SELECT locked_by AS "workerId", locked_at FROM graphile_worker._private_jobs WHERE locked_by IS NOT NULL
      UNION ALL
      SELECT locked_by, locked_at FROM graphile_worker._private_job_queues WHERE locked_by IS NOT NULL
    )
    SELECT DISTINCT holders."workerId" FROM holders
    LEFT JOIN job_worker_heartbeats beat ON beat."workerId" = holders."workerId"
    WHERE coalesce(beat."beatAt", holders.locked_at) < now() - ${bound}::interval`;
  const workerIds = dead.map((row) => row.workerId);
  if (workerIds.length > 0) {
    await db.$executeRaw`SELECT graphile_worker.force_unlock_workers(${workerIds}::text[])`;
    log.warn({ workerIds }, "jobs of workers whose process stopped were unlocked to run again");
  }
  // Beats of processes gone for good, locks or not.
  await db.$executeRaw`DELETE FROM job_worker_heartbeats WHERE "beatAt" < now() - ${bound}::interval`;
  return { workerIds };
}
