import "server-only";
import { randomBytes } from "node:crypto";
import type { Prisma } from "@prisma/client";
import { addJob } from "../jobs/queue";
import { type EventData, eventDataSchemas, type WebhookEventType } from "./event-types";

export const deliveryJobKey = (deliveryId: string) => `webhook:${deliveryId}`;

const messageId = () => `msg_${randomBytes(16).toString("base64url")}`;

type EmitOptions = {
  // Announcements of time passing may be made by several sweeps: one per key.
  dedupeKey?: string;
  // A test event goes to the one endpoint it was sent from, whatever it subscribes to.
  endpointIds?: string[];
};

// Writes the event and one delivery (with its job) per enabled endpoint of the account that
// takes this type, in the caller's transaction: the event exists, and is sent, exactly when the
// change it announces commits. An account without such an endpoint gets nothing written.
export async function emitEvent<Type extends WebhookEventType>(
  tx: Prisma.TransactionClient,
  userId: string,
  type: Type,
  // Read only when some endpoint takes the event, so accounts without webhooks pay nothing.
  build: () => Promise<EventData<Type>> | EventData<Type>,
  { dedupeKey, endpointIds }: EmitOptions = {},
): Promise<{ eventId: string; deliveryIds: string[] } | null> {
  const endpoints = await tx.webhookEndpoint.findMany({
    where: endpointIds ? { userId, id: { in: endpointIds } } : { userId, disabledAt: null, eventTypes: { has: type } },
    select: { id: true },
  });
  if (endpoints.length === 0) return null;
  const id = messageId();
  const payload = { type, timestamp: new Date().toISOString(), data: eventDataSchemas[type].parse(await build()) };
  const { count } = await tx.webhookEvent.createMany({
    data: [{ id, userId, type, payload: payload as Prisma.InputJsonObject, dedupeKey }],
    skipDuplicates: true,
  });
  if (count === 0) return null;
  const deliveries = await tx.webhookDelivery.createManyAndReturn({
    data: endpoints.map((endpoint) => ({ eventId: id, endpointId: endpoint.id, nextAttemptAt: new Date() })),
    select: { id: true },
  });
  for (const delivery of deliveries)
    await addJob(
      tx,
      "deliver-webhook",
      { deliveryId: delivery.id, attempt: 1 },
      { jobKey: deliveryJobKey(delivery.id) },
    );
  return { eventId: id, deliveryIds: deliveries.map((delivery) => delivery.id) };
}
