import { apiJson, jsonBody, withApiToken } from "@/lib/api/http";
import { webhookEndpointObject } from "@/lib/api/webhook-endpoint-object";
import { saveRefused } from "@/lib/api/webhook-refusals";
import { webhookEndpointBody } from "@/lib/validation/webhooks";
import { createEndpoint, endpointsOf } from "@/lib/webhooks/endpoints";

// The token owner's endpoints only.
export const GET = withApiToken(async (_request, userId) => {
  return apiJson({ data: (await endpointsOf(userId)).map((endpoint) => webhookEndpointObject(endpoint)) });
});

// Creates an endpoint once its verification request is answered 2xx; the secret is in this
// answer only.
export const POST = withApiToken(async (request, userId) => {
  const parsed = await jsonBody(request, webhookEndpointBody);
  if (parsed.status === "refused") return parsed.response;
  const { url, event_types: eventTypes, description } = parsed.body;
  const created = await createEndpoint(userId, { url, eventTypes, description });
  if (created.status !== "created") return saveRefused(created);
  return apiJson({ ...webhookEndpointObject(created.endpoint), secret: created.secret }, 201);
});
