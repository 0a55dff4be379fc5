import "server-only";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { pool } from "../db/client";

// Counters live in Postgres (table rate_limits) so that every app instance shares them.
// Only failed attempts count; a successful login clears the account's counter.
function limiter(keyPrefix: string, points: number, durationSeconds: number) {
  return new RateLimiterPostgres({
    storeClient: pool,
    storeType: "pool",
    tableName: "rate_limits",
    tableCreated: true,
    keyPrefix,
    points,
    duration: durationSeconds,
    blockDuration: durationSeconds,
  });
}

export const LOGIN_FAILURES_PER_ACCOUNT = 5;
export const LOGIN_FAILURES_PER_IP = 30;

const failuresByAccount = limiter("login_account", LOGIN_FAILURES_PER_ACCOUNT, 15 * 60);
const failuresByIp = limiter("login_ip", LOGIN_FAILURES_PER_IP, 60 * 60);

export type LoginAttemptKey = { ip: string; email: string };

function secondsUntil(res: RateLimiterRes): number {
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}

function blockedSeconds(res: RateLimiterRes | null, points: number): number {
  return res && res.consumedPoints >= points ? secondsUntil(res) : 0;
}

// Seconds until another attempt is allowed, or 0 when it is allowed now.
export async function loginRetryAfter({ ip, email }: LoginAttemptKey): Promise<number> {
  const [byAccount, byIp] = await Promise.all([failuresByAccount.get(email), failuresByIp.get(ip)]);
  return Math.max(
    blockedSeconds(byAccount, LOGIN_FAILURES_PER_ACCOUNT),
    blockedSeconds(byIp, LOGIN_FAILURES_PER_IP),
  );
}

async function consumeIgnoringLimit(
  limiterToCharge: RateLimiterPostgres,
  key: string,
): Promise<void> {
  try {
    await limiterToCharge.consume(key);
  } catch (rejection) {
    // Past the limit the counter is still charged; any other error is a real failure.
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
  }
}

export async function recordLoginFailure({ ip, email }: LoginAttemptKey): Promise<void> {
  await Promise.all([
    consumeIgnoringLimit(failuresByAccount, email),
    consumeIgnoringLimit(failuresByIp, ip),
  ]);
}

export async function recordLoginSuccess({ email }: LoginAttemptKey): Promise<void> {
  await failuresByAccount.delete(email);
}
