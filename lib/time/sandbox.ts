import "server-only";
import { env } from "../env";

// When a wait the local checkout simulates ends ("paid after 3 minutes", "a refund settles
// later"): SANDBOX_TIME_SCALE times sooner than in real time, so tests and QA need not sit
// through it. The local checkout's simulated events and the outgoing webhooks' retry schedule
// use this clock.
export function afterSandboxWait(waitMs: number, from = new Date()): Date {
  return new Date(from.getTime() + waitMs / env().SANDBOX_TIME_SCALE);
}
