// Every error code the API answers with, in `{ "error": { "code", "message" } }`; integrators
// match on these, so they only ever get added to.
export const API_ERROR_CODES = [
  "missing_token",
  "invalid_token",
  "not_found",
  "invalid_request",
  "body_too_large",
  "esim_not_active",
  "esim_expired",
  // Support suspended the eSIM: usage and traffic scenarios wait until it is resumed.
  "esim_suspended",
  "invalid_transition",
  "rate_limited",
  "internal_error",
  "service_unavailable",
  "idempotency_key_reused",
  "idempotency_key_in_progress",
  "plan_unavailable",
  "promo_code_refused",
  "payment_unavailable",
  "card_declined",
  "topup_unavailable",
  // Webhook endpoints: an address that may not be called, one that did not answer its
  // verification with 2xx, too many endpoints, a resend to a disabled endpoint.
  "destination_refused",
  "verification_failed",
  "limit_reached",
  "endpoint_disabled",
  // The scenario simulator's SM-DP+ outage: a download to try again once it answers.
  "smdp_unavailable",
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];
