import "server-only";
import { log } from "../log";
import { raiseDueExpiryAlerts } from "../balance/alerts";
import { retryDueRefunds } from "../orders/refunds";
import { sweepStaleLocalSessions } from "../payments/local-checkout";
import { deliverDueEmails } from "./sender";

const POLL_INTERVAL_MS = 5_000;
const SWEEP_INTERVAL_MS = 5 * 60_000;

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

// What comes from time passing rather than from any request: expiry warnings, refunds the
// gateway refused (nobody may be left to ask again for them), and local checkout sessions past
// their 24 hours. Each runs on its own, so one failing does not hold back the others.
const SWEEPS: [string, () => Promise<unknown>][] = [
  ["expiry alert check", raiseDueExpiryAlerts],
  ["refund retry pass", retryDueRefunds],
  ["local checkout expiry", sweepStaleLocalSessions],
];

function sweep(): void {
  for (const [name, run] of SWEEPS) {
    run().catch((error: unknown) => log.error({ err: error }, `${name} failed`));
  }
}

export function startEmailWorker(): void {
  if (started) return;
  started = true;
  setInterval(kickEmailDelivery, POLL_INTERVAL_MS).unref();
  setInterval(sweep, SWEEP_INTERVAL_MS).unref();
  kickEmailDelivery();
}
