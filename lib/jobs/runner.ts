import "server-only";
import { EventEmitter } from "node:events";
import { Logger, parseCronItems, run, type LogLevel, type Runner, type WorkerEvents } from "graphile-worker";
import { env } from "../env";
import { log } from "../log";
import { forgetWorkers, HEARTBEAT_INTERVAL_MS, recordHeartbeat } from "./heartbeats";
import { schedule, taskList } from "./tasks";

const LEVELS: Record<LogLevel, "error" | "warn" | "info" | "debug"> = {
  error: "error",
  warning: "warn",
  info: "info",
  debug: "debug",
};

const logger = new Logger((scope) => (level, message, meta) => log[LEVELS[level]]({ ...scope, ...meta }, message));

const globalForJobs = globalThis as unknown as { jobRunner?: Promise<Runner> };

const RESTART_DELAY_MS = 5_000;

const options = () => ({
  connectionString: env().DATABASE_URL,
  concurrency: env().JOB_CONCURRENCY,
  noHandleSignals: true,
  pollInterval: 2_000,
  logger,
  taskList,
  parsedCronItems: parseCronItems(schedule.map(({ task, match }) => ({ task, match, identifier: task }))),
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Says this runner's workers are alive, every HEARTBEAT_INTERVAL_MS until the runner stops. A
// timer rather than a job: only this process can say it is alive, and any instance runs a job.
// A worker that stops cleanly has released its jobs and is forgotten; one that died (it could
// not record its job's end) stops beating, so the sweep on a live instance unlocks its job.
function heartbeat(events: WorkerEvents): () => void {
  const workerIds = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  events.on("worker:create", ({ worker }) => workerIds.add(worker.workerId));
  events.on("worker:stop", ({ worker, error }) => {
    workerIds.delete(worker.workerId);
    if (!error)
      forgetWorkers([worker.workerId]).catch((err: unknown) => log.warn({ err }, "a stopped job worker stays listed"));
  });
  const beat = async () => {
    await recordHeartbeat([...workerIds]).catch((err: unknown) => log.warn({ err }, "job worker heartbeat failed"));
    if (!stopped) timer = setTimeout(beat, HEARTBEAT_INTERVAL_MS).unref();
  };
  const stop = () => {
    stopped = true;
    clearTimeout(timer);
  };
  events.once("stop", stop);
  void beat();
  return stop;
}

// A runner whose workers say they are alive.
async function start(): Promise<Runner> {
  const events: WorkerEvents = new EventEmitter();
  const stopBeating = heartbeat(events);
  try {
    return await run({ ...options(), events });
  } catch (error) {
    stopBeating();
    throw error;
  }
}

// A new runner in place of one that lost a worker, once the database lets it start.
async function restart(old: Runner): Promise<Runner> {
  await old.stop().catch((error: unknown) => log.warn({ err: error }, "the old job runner did not stop cleanly"));
  for (;;) {
    try {
      return supervised(await start());
    } catch (error) {
      log.error({ err: error }, "the job runner could not restart; trying again");
      await sleep(RESTART_DELAY_MS);
    }
  }
}

// graphile-worker retires a worker that cannot record how its job ended (the database went away
// mid-job) and never replaces it: once every worker is gone, no job runs in this process again
// while it goes on serving requests. So a worker's death restarts the runner, with new workers.
function supervised(runner: Runner): Runner {
  runner.events.once("worker:fatalError", ({ error }) => {
    log.error({ err: error }, "a job worker died; restarting the job runner");
    globalForJobs.jobRunner = restart(runner);
  });
  return runner;
}

// One runner per process (kept on globalThis across dev-server reloads). It installs the queue's
// own schema (graphile_worker) when missing, listens for new jobs, and runs the schedule.
// Several processes share the queue: each job is locked by one of them.
export function startJobRunner(): Promise<Runner> {
  return (globalForJobs.jobRunner ??= start().then(supervised));
}

// Stops whichever runner is current (a restart may have replaced the first), once its jobs end.
export async function stopJobRunner(): Promise<void> {
  await (await globalForJobs.jobRunner)?.stop();
}
