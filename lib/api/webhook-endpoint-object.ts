import type { WebhookDeliveryStatus } from "@prisma/client";
import { jstIso } from "../time/jst";

type EndpointRow = {
  id: string;
  url: string;
  description: string;
  eventTypes: string[];
  disabledAt: Date | null;
  disabledReason: string | null;
  previousSecretExpiresAt: Date | null;
  createdAt: Date;
};

// An endpoint as the API answers it; its secret only ever in the answer that made it.
export function webhookEndpointObject(endpoint: EndpointRow, now = new Date()) {
  const overlap = endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now;
  return {
    id: endpoint.id,
    url: endpoint.url,
    description: endpoint.description,
    event_types: endpoint.eventTypes,
    enabled: endpoint.disabledAt === null,
    disabled_reason: endpoint.disabledAt ? endpoint.disabledReason : null,
    previous_secret_expires_at: overlap ? jstIso(endpoint.previousSecretExpiresAt!) : null,
    created_at: jstIso(endpoint.createdAt),
  };
}

type DeliveryRow = {
  id: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  createdAt: Date;
  event: { id: string; type: string };
  attemptLog: {
    number: number;
    attemptedAt: Date;
    httpStatus: number | null;
    durationMs: number;
    responseExcerpt: string;
  }[];
};

export function webhookDeliveryObject(delivery: DeliveryRow) {
  return {
    id: delivery.id,
    event_id: delivery.event.id,
    event_type: delivery.event.type,
    status: delivery.status.toLowerCase() as Lowercase<WebhookDeliveryStatus>,
    next_attempt_at: delivery.nextAttemptAt ? jstIso(delivery.nextAttemptAt) : null,
    created_at: jstIso(delivery.createdAt),
    attempts: delivery.attemptLog.map((attempt) => ({
      number: attempt.number,
      attempted_at: jstIso(attempt.attemptedAt),
      http_status: attempt.httpStatus,
      duration_ms: attempt.durationMs,
      response_excerpt: attempt.responseExcerpt,
    })),
  };
}
