import "server-only";
import { RateLimiterRes } from "rate-limiter-flexible";
import { type Limiter, postgresLimiter } from "../rate-limit";
import type { Budget } from "./rate-limit-budgets";

export { type Budget, TOKEN_BUDGET, USAGE_READ_BUDGET } from "./rate-limit-budgets";

const limiters = new Map<string, Limiter>();

function limiterFor(budget: Budget): Limiter {
  let limiter = limiters.get(budget.name);
  if (!limiter) {
    limiter = postgresLimiter(budget.name, budget.points, budget.windowSeconds, 0);
    limiters.set(budget.name, limiter);
  }
  return limiter;
}

export type Spent = { budget: Budget; allowed: boolean; remaining: number; resetSeconds: number };

const secondsLeft = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

// One request spent from `key`'s budget: allowed or not, and what is left until when.
export async function spendBudget(budget: Budget, key: string): Promise<Spent> {
  try {
    const res = await limiterFor(budget).consume(key);
    return { budget, allowed: true, remaining: res.remainingPoints, resetSeconds: secondsLeft(res) };
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    return { budget, allowed: false, remaining: 0, resetSeconds: secondsLeft(rejection) };
  }
}

// The IETF RateLimit header fields (draft-ietf-httpapi-ratelimit-headers): Limit, Remaining and
// Reset describe the budget nearest to running out, which is the one a client must pace itself
// by; Policy lists every budget the request spent from.
export function rateLimitHeaders(spent: Spent[]): Record<string, string> {
  const tightest = spent.reduce((a, b) => (b.remaining < a.remaining ? b : a));
  return {
    "ratelimit-limit": String(tightest.budget.points),
    "ratelimit-remaining": String(tightest.remaining),
    "ratelimit-reset": String(tightest.resetSeconds),
    "ratelimit-policy": spent.map(({ budget }) => `${budget.points};w=${budget.windowSeconds}`).join(", "),
  };
}
