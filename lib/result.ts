// A lib operation that can be refused answers a `{ status: … }` union; a refusal by a rate
// limit always has this shape, so one mapping turns it into a form's message or a 429.
export type RateLimited = { status: "rate_limited"; retryAfterSeconds: number };

export function rateLimited(retryAfterSeconds: number): RateLimited {
  return { status: "rate_limited", retryAfterSeconds };
}
