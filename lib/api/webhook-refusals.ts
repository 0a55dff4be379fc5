import "server-only";
import type { SaveRefusal } from "../webhooks/endpoints";
import { MAX_WEBHOOK_ENDPOINTS } from "../validation/webhooks";
import { apiError } from "./http";

export const endpointNotFound = () => apiError(404, "not_found", "No webhook endpoint with this id in your account.");

// Why an endpoint was not saved, in the API's error shape.
export function saveRefused(refusal: SaveRefusal): Response {
  switch (refusal.status) {
    case "limit_reached":
      return apiError(409, "limit_reached", `An account can have at most ${MAX_WEBHOOK_ENDPOINTS} endpoints.`);
    case "verification_failed":
      return apiError(
        422,
        "verification_failed",
        `The verification request was answered ${refusal.httpStatus ?? `with no response (${refusal.excerpt})`}; it must answer 2xx.`,
      );
    case "refused":
      return apiError(422, "destination_refused", `The URL may not be used (${refusal.reason}).`);
  }
}
