import { apiJson, withApiToken } from "@/lib/api/http";
import { afterCursor, pageBody, pageOf, rowsToTake } from "@/lib/api/pagination";
import { webhookDeliveryObject } from "@/lib/api/webhook-endpoint-object";
import { endpointNotFound } from "@/lib/api/webhook-refusals";
import { deliveriesOf } from "@/lib/webhooks/delivery-log";

// The owner's endpoint's delivery log, newest first, each delivery with its attempts, a page at a time.
export const GET = withApiToken<{ id: string }>(async (request, userId, { id }) => {
  const query = pageOf(request);
  if (query.status === "refused") return query.response;
  const page = { where: afterCursor(query.page), take: rowsToTake(query.page) };
  const deliveries = await deliveriesOf(userId, id, page);
  return deliveries ? apiJson(pageBody(deliveries, query.page, webhookDeliveryObject)) : endpointNotFound();
});
