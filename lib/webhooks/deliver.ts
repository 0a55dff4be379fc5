import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "../db/client";
import { addJob } from "../jobs/queue";
import { log } from "../log";
import { deliveryJobKey } from "./emit";
import { disableEndpoint } from "./endpoint-state";
import { failedTooLong, nextAttemptAt } from "./schedule";
import { activeSecrets, signedHeaders } from "./secrets";
import { postWebhook } from "./transport";

export type DeliveryOutcome = {
  status: "succeeded" | "retrying" | "given_up" | "endpoint_disabled" | "done_before";
};

const isSuccess = (status: number | null) => status !== null && status >= 200 && status < 300;

async function removeJob(tx: Prisma.TransactionClient, deliveryId: string) {
  await tx.$executeRaw`SELECT FROM graphile_worker.remove_job(${deliveryJobKey(deliveryId)})`;
}

// Attempt number `attempt` of one delivery. The attempt is claimed first (attempts moves from
// attempt-1 to attempt), so a job that runs twice, or a resend racing the schedule, sends once
// per attempt. The claim also queues the next attempt at its scheduled time, so an attempt cut
// short (the process died mid-request) is still followed by the next one.
export async function deliverWebhook(deliveryId: string, attempt: number): Promise<DeliveryOutcome> {
  const delivery = await db.webhookDelivery.findUnique({
    where: { id: deliveryId },
    include: { endpoint: true, event: { select: { id: true, payload: true } } },
  });
  if (!delivery || delivery.status !== "PENDING" || delivery.attempts !== attempt - 1) return { status: "done_before" };
  const { endpoint } = delivery;
  if (endpoint.disabledAt) {
    await db.webhookDelivery.updateMany({
      where: { id: deliveryId, status: "PENDING", attempts: attempt - 1 },
      data: { status: "FAILED", nextAttemptAt: null },
    });
    return { status: "endpoint_disabled" };
  }

  const provisional = nextAttemptAt(attempt, null);
  const claimed = await db.$transaction(async (tx) => {
    const { count } = await tx.webhookDelivery.updateMany({
      where: { id: deliveryId, status: "PENDING", attempts: attempt - 1 },
      data: { attempts: attempt, nextAttemptAt: provisional },
    });
    if (count === 1 && provisional)
      await addJob(
        tx,
        "deliver-webhook",
        { deliveryId, attempt: attempt + 1 },
        { runAt: provisional, jobKey: deliveryJobKey(deliveryId) },
      );
    return count === 1;
  });
  if (!claimed) return { status: "done_before" };

  // The body is the stored payload as sent the first time: every attempt signs the same bytes.
  const body = JSON.stringify(delivery.event.payload);
  const now = new Date();
  const headers = signedHeaders(delivery.event.id, body, activeSecrets(endpoint, now), now);
  const answer = await postWebhook(endpoint.url, body, headers);
  const at = new Date();

  const outcome = await db.$transaction(async (tx): Promise<DeliveryOutcome["status"]> => {
    await tx.webhookAttempt.create({
      data: {
        deliveryId,
        number: attempt,
        httpStatus: answer.httpStatus,
        durationMs: answer.durationMs,
        responseExcerpt: answer.excerpt,
      },
    });
    if (isSuccess(answer.httpStatus)) {
      await tx.webhookDelivery.update({
        where: { id: deliveryId },
        data: { status: "SUCCEEDED", succeededAt: at, nextAttemptAt: null },
      });
      await tx.webhookEndpoint.update({ where: { id: endpoint.id }, data: { failingSince: null } });
      await removeJob(tx, deliveryId);
      return "succeeded";
    }
    // 410 Gone: the receiver says the endpoint is no more; nothing more is sent to it.
    const failingSince = endpoint.failingSince ?? at;
    const disable = answer.httpStatus === 410 ? "gone" : failedTooLong(failingSince, at) ? "failing" : null;
    const next = disable ? null : nextAttemptAt(attempt, answer.retryAfter, at);
    if (disable) await disableEndpoint(tx, endpoint.id, disable, at);
    else if (!endpoint.failingSince)
      await tx.webhookEndpoint.updateMany({
        where: { id: endpoint.id, failingSince: null },
        data: { failingSince: at },
      });
    await tx.webhookDelivery.update({
      where: { id: deliveryId },
      data: { status: next ? "PENDING" : "FAILED", nextAttemptAt: next },
    });
    if (next)
      await addJob(
        tx,
        "deliver-webhook",
        { deliveryId, attempt: attempt + 1 },
        { runAt: next, jobKey: deliveryJobKey(deliveryId) },
      );
    else await removeJob(tx, deliveryId);
    return disable ? "endpoint_disabled" : next ? "retrying" : "given_up";
  });
  if (outcome !== "succeeded")
    log.warn({ deliveryId, attempt, httpStatus: answer.httpStatus, outcome }, "webhook delivery attempt failed");
  return { status: outcome };
}
