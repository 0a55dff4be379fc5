import "server-only";
import { afterSandboxWait } from "../time/sandbox";

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

// Standard Webhooks' retry schedule: the wait before each attempt after the previous one
// failed (the first goes out at once). Ten attempts over about three days.
export const RETRY_SCHEDULE_MS = [
  0,
  5 * SECOND,
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  5 * HOUR,
  10 * HOUR,
  14 * HOUR,
  20 * HOUR,
  24 * HOUR,
];

// An endpoint whose every attempt has failed for this long is disabled.
export const FAILING_DISABLES_AFTER_MS = 5 * 24 * HOUR;

// A receiver may ask for a longer wait, never for one past the schedule's longest.
const MAX_RETRY_AFTER_MS = 24 * HOUR;

// When the attempt after `attemptsMade` failed ones is due, or null when the schedule is over.
// The schedule runs on the sandbox's time scale; a receiver's Retry-After is its own wish, in
// real seconds or as a date, and is honoured when it asks for longer.
export function nextAttemptAt(attemptsMade: number, retryAfter: string | null, now = new Date()): Date | null {
  const wait = RETRY_SCHEDULE_MS[attemptsMade];
  if (wait === undefined) return null;
  const scheduled = afterSandboxWait(wait, now);
  const asked = retryAfterMs(retryAfter, now);
  if (asked === null) return scheduled;
  const requested = new Date(now.getTime() + Math.min(asked, MAX_RETRY_AFTER_MS));
  return requested > scheduled ? requested : scheduled;
}

function retryAfterMs(value: string | null, now: Date): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * SECOND;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now.getTime());
}

// Whether an endpoint failing since `failingSince` has failed long enough to be disabled.
export function failedTooLong(failingSince: Date | null, now = new Date()): boolean {
  return failingSince !== null && afterSandboxWait(FAILING_DISABLES_AFTER_MS, failingSince) <= now;
}
