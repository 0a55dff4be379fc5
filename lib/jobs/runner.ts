import "server-only";
import { Logger, parseCronItems, run, type LogLevel, type Runner } from "graphile-worker";
import { env } from "../env";
import { log } from "../log";
import { schedule, taskList } from "./tasks";

const LEVELS: Record<LogLevel, "error" | "warn" | "info" | "debug"> = {
  error: "error",
  warning: "warn",
  info: "info",
  debug: "debug",
};

const logger = new Logger((scope) => (level, message, meta) => log[LEVELS[level]]({ ...scope, ...meta }, message));

const globalForJobs = globalThis as unknown as { jobRunner?: Promise<Runner> };

// One runner per process (kept on globalThis across dev-server reloads). It installs the queue's
// own schema (graphile_worker) when missing, listens for new jobs, and runs the schedule.
// Several processes share the queue: each job is locked by one of them.
export function startJobRunner(): Promise<Runner> {
  return (globalForJobs.jobRunner ??= run({
    connectionString: env().DATABASE_URL,
    concurrency: env().JOB_CONCURRENCY,
    noHandleSignals: true,
    pollInterval: 2_000,
    logger,
    taskList,
    parsedCronItems: parseCronItems(schedule.map(({ task, match }) => ({ task, match, identifier: task }))),
  }));
}
