import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "../db/client";
import { addJob } from "../jobs/queue";
import { deliveryJobKey, emitEvent } from "./emit";
import type { WebhookEventType } from "./event-types";
import { sampleData } from "./samples";

type DeliveryPage = { where?: Prisma.WebhookDeliveryWhereInput; take?: number };

// What the delivery log shows of one endpoint, newest first, each delivery with its attempts;
// a page at a time (a condition on createdAt and id, and how many), or the latest 50.
export async function deliveriesOf(userId: string, endpointId: string, { where = {}, take = 50 }: DeliveryPage = {}) {
  const endpoint = await db.webhookEndpoint.findFirst({ where: { id: endpointId, userId }, select: { id: true } });
  if (!endpoint) return null;
  return db.webhookDelivery.findMany({
    where: { endpointId, ...where },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      status: true,
      attempts: true,
      nextAttemptAt: true,
      createdAt: true,
      event: { select: { id: true, type: true } },
      attemptLog: {
        orderBy: { number: "asc" },
        select: { number: true, attemptedAt: true, httpStatus: true, durationMs: true, responseExcerpt: true },
      },
    },
  });
}

// One more attempt now, whatever the delivery's state: its schedule continues from here.
export async function resendDelivery(userId: string, deliveryId: string, endpointId?: string) {
  const delivery = await db.webhookDelivery.findFirst({
    where: { id: deliveryId, endpoint: { userId }, ...(endpointId && { endpointId }) },
    select: { id: true, attempts: true, endpoint: { select: { disabledAt: true } } },
  });
  if (!delivery) return { status: "not_found" } as const;
  if (delivery.endpoint.disabledAt) return { status: "endpoint_disabled" } as const;
  await db.$transaction(async (tx) => {
    await tx.webhookDelivery.update({
      where: { id: delivery.id },
      data: { status: "PENDING", nextAttemptAt: new Date() },
    });
    await addJob(
      tx,
      "deliver-webhook",
      { deliveryId: delivery.id, attempt: delivery.attempts + 1 },
      { jobKey: deliveryJobKey(delivery.id) },
    );
  });
  return { status: "resent" } as const;
}

// Resends every delivery of the endpoint that failed for good (or was stopped while it was
// disabled) among the events made since `since`: what a receiver back from an outage missed.
export const MAX_REPLAY = 500;

export async function replayFailedSince(userId: string, endpointId: string, since: Date) {
  const endpoint = await db.webhookEndpoint.findFirst({
    where: { id: endpointId, userId },
    select: { id: true, disabledAt: true },
  });
  if (!endpoint) return { status: "not_found" } as const;
  if (endpoint.disabledAt) return { status: "endpoint_disabled" } as const;
  const failed = await db.webhookDelivery.findMany({
    where: { endpointId, status: "FAILED", createdAt: { gte: since } },
    orderBy: { createdAt: "asc" },
    take: MAX_REPLAY,
    select: { id: true },
  });
  for (const { id } of failed) await resendDelivery(userId, id);
  return { status: "replayed", count: failed.length } as const;
}

// A sample of the type, to this endpoint only, signed and logged like any event.
export async function sendTestEvent(userId: string, endpointId: string, type: WebhookEventType) {
  const endpoint = await db.webhookEndpoint.findFirst({ where: { id: endpointId, userId }, select: { id: true } });
  if (!endpoint) return { status: "not_found" } as const;
  const made = await db.$transaction((tx) =>
    emitEvent(tx, userId, type, () => sampleData(type), { endpointIds: [endpoint.id] }),
  );
  return { status: "sent", eventId: made!.eventId, deliveryId: made!.deliveryIds[0]! } as const;
}
