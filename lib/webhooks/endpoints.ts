import "server-only";
import { db } from "../db/client";
import { MAX_WEBHOOK_ENDPOINTS, type WebhookEndpointInput } from "../validation/webhooks";
import { type DestinationRefusal, checkDestination } from "./destinations";
import { disableEndpoint } from "./endpoint-state";
import { newEndpointSecret, ROTATION_OVERLAP_MS } from "./secrets";
import { type VerificationResult, verifyEndpoint } from "./verification";

// Every operation here is scoped by the owner's id: another account's endpoint id is answered
// like one that does not exist.

export const endpointFields = {
  id: true,
  url: true,
  description: true,
  eventTypes: true,
  disabledAt: true,
  disabledReason: true,
  previousSecretExpiresAt: true,
  createdAt: true,
} as const;

export type SaveRefusal =
  | { status: "refused"; reason: DestinationRefusal }
  | Extract<VerificationResult, { status: "verification_failed" }>
  | { status: "limit_reached" };

async function checkedAndVerified(url: string, secret: string): Promise<SaveRefusal | null> {
  const destination = await checkDestination(url);
  if (destination.status === "refused") return destination;
  const verified = await verifyEndpoint(url, secret);
  return verified.status === "verified" ? null : verified;
}

export function endpointsOf(userId: string) {
  return db.webhookEndpoint.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: endpointFields });
}

export function endpointOf(userId: string, endpointId: string) {
  return db.webhookEndpoint.findFirst({ where: { id: endpointId, userId }, select: endpointFields });
}

// The secret is answered here only, once: it is not shown again.
export async function createEndpoint(userId: string, input: WebhookEndpointInput) {
  if ((await db.webhookEndpoint.count({ where: { userId } })) >= MAX_WEBHOOK_ENDPOINTS)
    return { status: "limit_reached" } as const;
  const secret = newEndpointSecret();
  const refusal = await checkedAndVerified(input.url, secret);
  if (refusal) return refusal;
  const endpoint = await db.webhookEndpoint.create({
    data: { userId, url: input.url, eventTypes: input.eventTypes, description: input.description, secret },
    select: endpointFields,
  });
  return { status: "created", endpoint, secret } as const;
}

export type EndpointChange = Partial<WebhookEndpointInput> & { enabled?: boolean };

// A new URL is checked and verified again, with the current secret, before it is kept.
export async function updateEndpoint(userId: string, endpointId: string, change: EndpointChange) {
  const endpoint = await db.webhookEndpoint.findFirst({ where: { id: endpointId, userId } });
  if (!endpoint) return { status: "not_found" } as const;
  if (change.url !== undefined && change.url !== endpoint.url) {
    const refusal = await checkedAndVerified(change.url, endpoint.secret);
    if (refusal) return refusal;
  }
  await db.$transaction(async (tx) => {
    await tx.webhookEndpoint.update({
      where: { id: endpoint.id },
      data: {
        url: change.url,
        eventTypes: change.eventTypes,
        description: change.description,
        // Turned back on, it starts afresh: its old failures no longer count towards disabling.
        ...(change.enabled === true && { disabledAt: null, disabledReason: null, failingSince: null }),
      },
    });
    if (change.enabled === false) await disableEndpoint(tx, endpoint.id, "owner");
  });
  return { status: "updated", endpoint: (await endpointOf(userId, endpointId))! } as const;
}

// The new secret signs from now on; the old one keeps signing beside it for 24 hours, so the
// receiver can switch over without a delivery it cannot verify.
export async function rotateSecret(userId: string, endpointId: string, now = new Date()) {
  const endpoint = await db.webhookEndpoint.findFirst({ where: { id: endpointId, userId } });
  if (!endpoint) return { status: "not_found" } as const;
  const secret = newEndpointSecret();
  await db.webhookEndpoint.update({
    where: { id: endpoint.id },
    data: {
      secret,
      previousSecret: endpoint.secret,
      previousSecretExpiresAt: new Date(now.getTime() + ROTATION_OVERLAP_MS),
    },
  });
  return { status: "rotated", secret } as const;
}

export async function deleteEndpoint(userId: string, endpointId: string) {
  const { count } = await db.webhookEndpoint.deleteMany({ where: { id: endpointId, userId } });
  return { status: count === 1 ? "deleted" : "not_found" } as const;
}
