import { apiJson, withApiToken } from "@/lib/api/http";
import { webhookDeliveryObject } from "@/lib/api/webhook-endpoint-object";
import { endpointNotFound } from "@/lib/api/webhook-refusals";
import { deliveriesOf } from "@/lib/webhooks/delivery-log";

// The owner's endpoint's delivery log, newest first, each delivery with its attempts.
export const GET = withApiToken<{ id: string }>(async (_request, userId, { id }) => {
  const deliveries = await deliveriesOf(userId, id);
  return deliveries ? apiJson({ data: deliveries.map(webhookDeliveryObject) }) : endpointNotFound();
});
