import "server-only";
import { bodyText, readBoundedBody } from "../http/bounded-body";
import { idempotencyKeySchema, IDEMPOTENCY_KEY_MAX_LENGTH, MAX_JSON_BODY_BYTES } from "../validation/api";
import { apiError, bodyTooLarge } from "./responses";
import { claimIdempotencyKey, releaseIdempotencyKey, requestFingerprint, storeIdempotentAnswer } from "./idempotency";

// Answers that mean the request was refused before it did anything: invalid, too large,
// throttled, or the database away. As at Stripe they are not kept, so the same key can be sent
// again once the cause is gone. Every other answer, errors included, is the key's for 24 hours.
const NOT_KEPT = new Set([400, 413, 415, 429, 503]);

// Runs a POST at most once per Idempotency-Key of the account, replaying the first answer to
// every retry. A POST without the header runs as sent; other methods change nothing, so they
// need no key. `run` answers every failure itself, so whatever it answers is kept or released.
export async function idempotently(
  request: Request,
  userId: string,
  run: (request: Request) => Promise<Response>,
): Promise<Response> {
  const header = request.headers.get("idempotency-key");
  if (request.method !== "POST" || header === null) return run(request);
  const parsed = idempotencyKeySchema.safeParse(header);
  if (!parsed.success) {
    return apiError(
      400,
      "invalid_request",
      `Idempotency-Key must be 1 to ${IDEMPOTENCY_KEY_MAX_LENGTH} visible ASCII characters, such as a UUID.`,
    );
  }
  const body = await readBoundedBody(request, MAX_JSON_BODY_BYTES);
  if (body.status === "too_large") return bodyTooLarge();

  const key = { userId, key: parsed.data };
  const fingerprint = requestFingerprint(request.method, new URL(request.url).pathname, bodyText(body.bytes));
  const claim = await claimIdempotencyKey(key, fingerprint);
  switch (claim.status) {
    case "mismatch":
      return apiError(
        409,
        "idempotency_key_reused",
        "This Idempotency-Key was already used with other parameters or another endpoint; use a new key for a new request.",
      );
    case "in_progress":
      return apiError(
        409,
        "idempotency_key_in_progress",
        "A request with this Idempotency-Key is still being processed; retry shortly to receive its answer.",
        { "retry-after": "1" },
      );
    case "replay":
      return new Response(claim.body, {
        status: claim.httpStatus,
        headers: { "content-type": "application/json", "cache-control": "no-store", "idempotent-replayed": "true" },
      });
  }

  const response = await run(
    new Request(request.url, { method: request.method, headers: request.headers, body: body.bytes }),
  );
  const answer = await response.text();
  if (NOT_KEPT.has(response.status)) await releaseIdempotencyKey(key);
  else await storeIdempotentAnswer(key, response.status, answer);
  return new Response(answer, { status: response.status, headers: response.headers });
}
