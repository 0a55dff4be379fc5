import { apiJson, jsonBody, withApiToken } from "@/lib/api/http";
import { webhookEndpointObject } from "@/lib/api/webhook-endpoint-object";
import { endpointNotFound, saveRefused } from "@/lib/api/webhook-refusals";
import { webhookEndpointPatch } from "@/lib/validation/webhooks";
import { deleteEndpoint, endpointOf, updateEndpoint } from "@/lib/webhooks/endpoints";

type Params = { id: string };

// Only the token owner's endpoint; any other id is 404.
export const GET = withApiToken<Params>(async (_request, userId, { id }) => {
  const endpoint = await endpointOf(userId, id);
  return endpoint ? apiJson(webhookEndpointObject(endpoint)) : endpointNotFound();
});

export const PATCH = withApiToken<Params>(async (request, userId, { id }) => {
  const parsed = await jsonBody(request, webhookEndpointPatch);
  if (parsed.status === "refused") return parsed.response;
  const { event_types: eventTypes, ...rest } = parsed.body;
  const updated = await updateEndpoint(userId, id, { ...rest, eventTypes });
  if (updated.status === "not_found") return endpointNotFound();
  if (updated.status !== "updated") return saveRefused(updated);
  return apiJson(webhookEndpointObject(updated.endpoint));
});

export const DELETE = withApiToken<Params>(async (_request, userId, { id }) => {
  const deleted = await deleteEndpoint(userId, id);
  return deleted.status === "deleted" ? new Response(null, { status: 204 }) : endpointNotFound();
});
