import { apiJson, withApiToken } from "@/lib/api/http";
import { endpointNotFound } from "@/lib/api/webhook-refusals";
import { rotateSecret } from "@/lib/webhooks/endpoints";

// A new secret for the owner's endpoint, answered once; the old one signs beside it for 24 h.
export const POST = withApiToken<{ id: string }>(async (_request, userId, { id }) => {
  const rotated = await rotateSecret(userId, id);
  return rotated.status === "rotated" ? apiJson({ secret: rotated.secret }) : endpointNotFound();
});
