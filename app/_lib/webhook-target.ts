import "server-only";
import { notFound } from "next/navigation";
import { endpointOf } from "@/lib/webhooks/endpoints";

// The webhook endpoint a form acts on, for the signed-in user it belongs to. Another account's
// endpoint, or one deleted meanwhile, gets the same 404 as an id that was never one; the lib
// calls after it are scoped by the user's id as well.
export async function endpointOfForm(userId: string, endpointId: string) {
  const endpoint = await endpointOf(userId, endpointId);
  if (!endpoint) notFound();
  return endpoint;
}
