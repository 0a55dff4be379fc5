import "server-only";
import type { RateLimiterRes } from "rate-limiter-flexible";
import { postgresLimiter, secondsUntil, spend } from "../rate-limit";

// Only failed attempts count; a successful login clears the account's counter.
export const LOGIN_FAILURES_PER_ACCOUNT = 5;
export const LOGIN_FAILURES_PER_IP = 30;

const failuresByAccount = postgresLimiter("login_account", LOGIN_FAILURES_PER_ACCOUNT, 15 * 60);
const failuresByIp = postgresLimiter("login_ip", LOGIN_FAILURES_PER_IP, 60 * 60);

export type LoginAttemptKey = { ip: string; email: string };

function blockedSeconds(res: RateLimiterRes | null, points: number): number {
  return res && res.consumedPoints >= points ? secondsUntil(res) : 0;
}

// Seconds until another attempt is allowed, or 0 when it is allowed now.
export async function loginRetryAfter({ ip, email }: LoginAttemptKey): Promise<number> {
  const [byAccount, byIp] = await Promise.all([failuresByAccount.get(email), failuresByIp.get(ip)]);
  return Math.max(blockedSeconds(byAccount, LOGIN_FAILURES_PER_ACCOUNT), blockedSeconds(byIp, LOGIN_FAILURES_PER_IP));
}

export async function recordLoginFailure({ ip, email }: LoginAttemptKey): Promise<void> {
  // Past the limit the counter is still charged, which is all a failure needs.
  await Promise.all([spend(failuresByAccount, email), spend(failuresByIp, ip)]);
}

export async function recordLoginSuccess({ email }: LoginAttemptKey): Promise<void> {
  await failuresByAccount.delete(email);
}
