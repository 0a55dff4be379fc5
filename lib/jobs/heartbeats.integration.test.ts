import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { DEAD_AFTER_MS, forgetWorkers, recordHeartbeat, unlockDeadWorkers } from "./heartbeats";

// A job as a worker holds it: locked by that worker, `lockedMsAgo` ago, in its named queue if any.
async function lockedJob(workerId: string, lockedMsAgo: number, queueName?: string) {
  const key = `heartbeat-test:${randomUUID()}`;
  await db.$executeRaw`SELECT FROM graphile_worker.add_job('deliver-local-event', '{"eventId":"evt_x"}'::json,
    queue_name => ${queueName ?? null}, job_key => ${key}, run_at => now() + interval '1 day')`;
  const lockedAt = `${lockedMsAgo} milliseconds`;
  await db.$executeRaw`UPDATE graphile_worker._private_jobs SET locked_by = ${workerId},
    locked_at = now() - ${lockedAt}::interval WHERE key = ${key}`;
  if (queueName)
    await db.$executeRaw`UPDATE graphile_worker._private_job_queues SET locked_by = ${workerId},
      locked_at = now() - ${lockedAt}::interval WHERE queue_name = ${queueName}`;
  return key;
}

const lockOf = async (key: string) => {
  const [row] = await db.$queryRaw<{ locked_by: string | null }[]>`
    SELECT locked_by FROM graphile_worker._private_jobs WHERE key = ${key}`;
  return row!.locked_by;
};
const queueLockOf = async (queueName: string) => {
  const [row] = await db.$queryRaw<{ locked_by: string | null }[]>`
    SELECT locked_by FROM graphile_worker._private_job_queues WHERE queue_name = ${queueName}`;
  return row!.locked_by;
};
// A beat that stopped `msAgo` ago.
const beatAgo = (workerId: string, msAgo: number) =>
  db.jobWorkerHeartbeat.upsert({
    where: { workerId },
    create: { workerId, beatAt: new Date(Date.now() - msAgo) },
    update: { beatAt: new Date(Date.now() - msAgo) },
  });
const worker = () => `worker-test-${randomUUID().slice(0, 8)}`;

describe("the sweep of dead job workers", () => {
  it("unlocks the jobs and queue of a worker whose process stopped beating, and leaves a live worker's alone", async () => {
    const [dead, alive] = [worker(), worker()];
    const queue = `queue-${randomUUID()}`;
    const deadJob = await lockedJob(dead, 5 * 60_000, queue);
    // A live worker on a long job: locked long ago, but its process beats.
    const liveJob = await lockedJob(alive, 10 * 60_000);
    await beatAgo(dead, DEAD_AFTER_MS + 5_000);
    await recordHeartbeat([alive]);

    const { workerIds } = await unlockDeadWorkers();
    expect(workerIds).toContain(dead);
    expect(workerIds).not.toContain(alive);
    expect(await lockOf(deadJob)).toBeNull();
    expect(await queueLockOf(queue)).toBeNull();
    expect(await lockOf(liveJob)).toBe(alive);
    // The dead worker is forgotten; the live one is still listed.
    expect(await db.jobWorkerHeartbeat.findUnique({ where: { workerId: dead } })).toBeNull();
    expect(await db.jobWorkerHeartbeat.findUnique({ where: { workerId: alive } })).not.toBeNull();

    // Unlocked, the job is the queue's again: any live worker may take it.
    const [row] = await db.$queryRaw<{ locked_at: Date | null; attempts: number }[]>`
      SELECT locked_at, attempts FROM graphile_worker._private_jobs WHERE key = ${deadJob}`;
    expect(row).toEqual({ locked_at: null, attempts: 0 });
  });

  it("unlocks a worker that never beat only once its lock is older than the bound", async () => {
    const [diedEarly, justStarted] = [worker(), worker()];
    const oldLock = await lockedJob(diedEarly, DEAD_AFTER_MS + 5_000);
    // A worker whose first beat is still to come.
    const freshLock = await lockedJob(justStarted, 1_000);

    const { workerIds } = await unlockDeadWorkers();
    expect(workerIds).toContain(diedEarly);
    expect(workerIds).not.toContain(justStarted);
    expect(await lockOf(oldLock)).toBeNull();
    expect(await lockOf(freshLock)).toBe(justStarted);
  });

  it("keeps a worker whose beat is recent, however old its lock, and forgets one that stopped cleanly", async () => {
    const slow = worker();
    const job = await lockedJob(slow, 60 * 60_000);
    await beatAgo(slow, DEAD_AFTER_MS - 10_000);
    expect((await unlockDeadWorkers()).workerIds).not.toContain(slow);
    expect(await lockOf(job)).toBe(slow);

    await recordHeartbeat([slow]);
    await forgetWorkers([slow]);
    expect(await db.jobWorkerHeartbeat.findUnique({ where: { workerId: slow } })).toBeNull();
  });
});
