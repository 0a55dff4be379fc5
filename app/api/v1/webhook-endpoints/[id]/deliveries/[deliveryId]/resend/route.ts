import { apiError, apiJson, withApiToken } from "@/lib/api/http";
import { resendDelivery } from "@/lib/webhooks/delivery-log";

// One more attempt of a delivery of the owner's endpoint.
export const POST = withApiToken<{ id: string; deliveryId: string }>(async (_request, userId, { id, deliveryId }) => {
  const resent = await resendDelivery(userId, deliveryId, id);
  if (resent.status === "not_found")
    return apiError(404, "not_found", "No such delivery of a webhook endpoint in your account.");
  if (resent.status === "endpoint_disabled") return apiError(409, "endpoint_disabled", "Enable the endpoint first.");
  return apiJson({ status: "queued" }, 202);
});
