import { apiJson, jsonBody, withApiToken } from "@/lib/api/http";
import { endpointNotFound } from "@/lib/api/webhook-refusals";
import { webhookTestBody } from "@/lib/validation/webhooks";
import { sendTestEvent } from "@/lib/webhooks/delivery-log";

// A sample event of the type, to the owner's endpoint only, delivered like any other.
export const POST = withApiToken<{ id: string }>(async (request, userId, { id }) => {
  const parsed = await jsonBody(request, webhookTestBody);
  if (parsed.status === "refused") return parsed.response;
  const sent = await sendTestEvent(userId, id, parsed.body.type);
  if (sent.status === "not_found") return endpointNotFound();
  return apiJson({ event_id: sent.eventId, delivery_id: sent.deliveryId }, 202);
});
