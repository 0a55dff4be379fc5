import "server-only";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { pool } from "./db/client";

// Counters live in Postgres (table rate_limits), so every app instance shares them. By default
// a caller who runs out waits out a whole window from then (a penalty for guessing passwords);
// a budget that only paces its callers blocks for 0 s, so it refills when its window ends.
export function postgresLimiter(
  keyPrefix: string,
  points: number,
  durationSeconds: number,
  blockDurationSeconds = durationSeconds,
) {
  return new RateLimiterPostgres({
    storeClient: pool,
    storeType: "pool",
    tableName: "rate_limits",
    tableCreated: true,
    keyPrefix,
    points,
    duration: durationSeconds,
    blockDuration: blockDurationSeconds,
  });
}

export type Limiter = ReturnType<typeof postgresLimiter>;

export function secondsUntil(res: RateLimiterRes): number {
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}

// Spends one point: 0 when allowed, otherwise the seconds until the next attempt is.
export async function spend(limiter: Limiter, key: string): Promise<number> {
  try {
    await limiter.consume(key);
    return 0;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return secondsUntil(rejection);
    throw rejection;
  }
}
