import "server-only";
import type { RateLimiterRes } from "rate-limiter-flexible";
import { postgresLimiter, secondsUntil, spend } from "../rate-limit";

// Failed attempts count; a successful login gives its own point back and clears the account's
// counter.
export const LOGIN_FAILURES_PER_ACCOUNT = 5;
export const LOGIN_FAILURES_PER_IP = 30;

const attemptsByAccount = postgresLimiter("login_account", LOGIN_FAILURES_PER_ACCOUNT, 15 * 60);
const attemptsByIp = postgresLimiter("login_ip", LOGIN_FAILURES_PER_IP, 60 * 60);

export type LoginAttemptKey = { ip: string; email: string };

function blockedSeconds(res: RateLimiterRes | null, points: number): number {
  return res && res.consumedPoints >= points ? secondsUntil(res) : 0;
}

// Seconds until another attempt is allowed, or 0 when it is allowed now. Only a look: it refuses
// early, and tells a form how long to wait; spendLoginAttempt is what admits an attempt.
export async function loginRetryAfter({ ip, email }: LoginAttemptKey): Promise<number> {
  const [byAccount, byIp] = await Promise.all([attemptsByAccount.get(email), attemptsByIp.get(ip)]);
  return Math.max(blockedSeconds(byAccount, LOGIN_FAILURES_PER_ACCOUNT), blockedSeconds(byIp, LOGIN_FAILURES_PER_IP));
}

// Every attempt is counted as a failure before its password is checked: counting only after a
// check that takes a tenth of a second let a burst of simultaneous guesses all pass a limit
// none of them had reached yet. The counters are incremented atomically in Postgres, so at
// most the limit's worth of attempts is admitted, whatever their number or timing. Answers 0
// when the attempt may go ahead, otherwise the seconds to wait. A refused attempt is given back
// to the counter that admitted it: a locked-out address cannot lock the accounts it guesses
// at, nor a locked account use up the address's attempts.
export async function spendLoginAttempt({ ip, email }: LoginAttemptKey): Promise<number> {
  // The address first, and the account only for an attempt the address admits: spending both at
  // once let a burst from a locked-out address push the account past its limit before the points
  // were given back, and a counter pushed past its limit stays blocked.
  const byIp = await spend(attemptsByIp, ip);
  if (byIp > 0) return byIp;
  const byAccount = await spend(attemptsByAccount, email);
  if (byAccount === 0) return 0;
  await attemptsByIp.reward(ip);
  return byAccount;
}

export async function recordLoginSuccess({ ip, email }: LoginAttemptKey): Promise<void> {
  await Promise.all([attemptsByAccount.delete(email), attemptsByIp.reward(ip)]);
}
