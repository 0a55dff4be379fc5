import "server-only";
import { pruneEndedSessions } from "../auth/ended-sessions";
import { log } from "../log";
import { raiseDueExpiryAlerts } from "../balance/alerts";
import { retryDueRefunds } from "../orders/refunds";
import { deliverDueEmails } from "./sender";

const POLL_INTERVAL_MS = 5_000;
const EXPIRY_CHECK_INTERVAL_MS = 5 * 60_000;
const REFUND_RETRY_INTERVAL_MS = 5 * 60_000;
const ENDED_SESSION_PRUNE_INTERVAL_MS = 60 * 60_000;

let started = false;
let running: Promise<unknown> | null = null;
let again = false;

// Wakes this process's worker after an email was queued, instead of waiting for its next
// poll; without a worker (scripts, tests) the email waits for whichever worker runs.
// One delivery pass at a time per process; a kick during a pass asks for another right after.
// Several processes may run passes at once: the outbox's row locks keep them apart.
export function kickEmailDelivery(): void {
  if (!started) return;
  if (running) {
    again = true;
    return;
  }
  running = deliverDueEmails()
    .catch((error: unknown) => log.error({ err: error }, "email delivery pass failed"))
    .finally(() => {
      running = null;
      if (again) {
        again = false;
        kickEmailDelivery();
      }
    });
}

export function startEmailWorker(): void {
  if (started) return;
  started = true;
  setInterval(kickEmailDelivery, POLL_INTERVAL_MS).unref();
  // Expiry warnings depend on time passing, not on any request.
  setInterval(() => {
    raiseDueExpiryAlerts().catch((error: unknown) => log.error({ err: error }, "expiry alert check failed"));
  }, EXPIRY_CHECK_INTERVAL_MS).unref();
  // A refund the gateway refused may have nobody left to ask again for it.
  setInterval(() => {
    retryDueRefunds().catch((error: unknown) => log.error({ err: error }, "refund retry pass failed"));
  }, REFUND_RETRY_INTERVAL_MS).unref();
  // A logged-out session is remembered only until its cookies would have expired anyway.
  setInterval(() => {
    pruneEndedSessions().catch((error: unknown) => log.error({ err: error }, "ended session pruning failed"));
  }, ENDED_SESSION_PRUNE_INTERVAL_MS).unref();
  kickEmailDelivery();
}
