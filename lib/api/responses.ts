import "server-only";
import { MAX_JSON_BODY_BYTES } from "../validation/api";
import type { ApiErrorCode } from "./error-codes";

// Balances change with every usage record; no cache may keep one.
const NO_STORE = { "cache-control": "no-store" };

// The site's own session routes have a few more; integrators only ever see ApiErrorCode.
type ErrorCode = ApiErrorCode | "unauthenticated" | "cross_origin" | "unsupported_media_type";

export function apiJson(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: NO_STORE });
}

export function apiError(
  status: number,
  code: ErrorCode,
  message: string,
  headers: Record<string, string> = {},
  // Machine-readable particulars of this code, such as a declined card's decline_code.
  details: Record<string, string> = {},
): Response {
  return Response.json({ error: { code, message, ...details } }, { status, headers: { ...NO_STORE, ...headers } });
}

// A passing outage (the database is down or restarting): nothing was changed, and the same
// request may be sent again after the wait.
export const SERVICE_UNAVAILABLE_RETRY_SECONDS = 5;
export const serviceUnavailable = () =>
  apiError(503, "service_unavailable", "The service is briefly unavailable. Nothing was changed; try again shortly.", {
    "retry-after": String(SERVICE_UNAVAILABLE_RETRY_SECONDS),
  });

// The simulated SM-DP+ does not answer (a scenario simulator outage): the phone tries again.
export const SMDP_RETRY_SECONDS = 30;
export const smdpUnavailable = () =>
  apiError(503, "smdp_unavailable", "The carrier's SM-DP+ is not answering. Nothing was changed; try again shortly.", {
    "retry-after": String(SMDP_RETRY_SECONDS),
  });

// The same answer for an eSIM that does not exist and one that belongs to someone else.
export const esimNotFound = () => apiError(404, "not_found", "No eSIM with this ICCID in your account.");

export const bodyTooLarge = () =>
  apiError(413, "body_too_large", `The body must be at most ${MAX_JSON_BODY_BYTES / 1024} kB.`);
