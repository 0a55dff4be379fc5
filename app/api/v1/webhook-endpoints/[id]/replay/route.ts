import { apiError, apiJson, jsonBody, withApiToken } from "@/lib/api/http";
import { endpointNotFound } from "@/lib/api/webhook-refusals";
import { webhookReplayBody } from "@/lib/validation/webhooks";
import { replayFailedSince } from "@/lib/webhooks/delivery-log";

// Sends again every failed delivery of the owner's endpoint made since `since`.
export const POST = withApiToken<{ id: string }>(async (request, userId, { id }) => {
  const parsed = await jsonBody(request, webhookReplayBody);
  if (parsed.status === "refused") return parsed.response;
  const replayed = await replayFailedSince(userId, id, new Date(parsed.body.since));
  if (replayed.status === "not_found") return endpointNotFound();
  if (replayed.status === "endpoint_disabled") return apiError(409, "endpoint_disabled", "Enable the endpoint first.");
  return apiJson({ queued: replayed.count }, 202);
});
