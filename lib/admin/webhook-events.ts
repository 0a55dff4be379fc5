import "server-only";
import { Prisma, type WebhookDeliveryStatus } from "@prisma/client";
import { db } from "../db/client";
import type { WebhookEventFilters } from "../validation/admin-ops";
import { type Page, PAGE_SIZE, pageOf, skipFor } from "./pagination";

// The payment events the shop received and what became of each. Two records tell it: every
// event the webhook handled is kept by its id (processed_webhook_events, whichever gateway sent
// it), and the local checkout keeps its own log of each event it sent with every attempt and
// the shop's answer (local_webhook_events), like Stripe's event log. An event the shop answered
// without handling (a type it does not act on, a duplicate) is only in the second, and so is
// one it has not answered yet.

export type ReceivedOutcome =
  // Handled and recorded.
  | "handled"
  // Answered 200 without acting on it: a type the shop ignores, or one handled before.
  | "ignored"
  // Answered with an error or not at all; the local checkout tries again on its schedule.
  | "retrying"
  // Out of attempts without a 2xx answer (reconciliation settles the order).
  | "given_up";

export type ReceivedEvent = {
  id: string;
  type: string;
  receivedAt: Date;
  outcome: ReceivedOutcome;
  attempts: number | null;
  // The shop's last answer to the local checkout: an HTTP status, or the error of no answer.
  lastStatus: number | null;
  lastError: string | null;
  // The local checkout's sessions name their order; a handled event records the order it named.
  orderId: string | null;
};

type ReceivedRow = Omit<ReceivedEvent, "outcome" | "attempts"> & {
  handledAt: Date | null;
  deliveredAt: Date | null;
  gaveUpAt: Date | null;
  attempts: number | null;
};

function outcomeOf(row: ReceivedRow): ReceivedOutcome {
  if (row.handledAt) return "handled";
  if (row.deliveredAt) return "ignored";
  return row.gaveUpAt ? "given_up" : "retrying";
}

// A local event counts as received once the shop was asked: one not attempted yet is still on
// the local checkout's side.
const RECEIVED = Prisma.sql`
  FROM local_webhook_events l
  FULL OUTER JOIN processed_webhook_events p ON p.id = l.id
  LEFT JOIN local_checkout_sessions s ON s.id = l."sessionId"
  LEFT JOIN LATERAL (
    SELECT a.status, a.error FROM local_webhook_attempts a
    WHERE a."eventId" = l.id ORDER BY a."attemptedAt" DESC LIMIT 1
  ) last ON true
  WHERE (p.id IS NOT NULL OR l.attempts > 0)`;

const typeIs = (type: string | undefined) => (type ? Prisma.sql`AND coalesce(l.type, p.type) = ${type}` : Prisma.empty);

export async function listReceivedEvents({ type, page }: WebhookEventFilters): Promise<Page<ReceivedEvent>> {
  const [rows, [counted]] = await Promise.all([
    db.$queryRaw<ReceivedRow[]>`
      SELECT coalesce(l.id, p.id) AS id, coalesce(l.type, p.type) AS type,
        coalesce(l."createdAt", p."processedAt") AS "receivedAt",
        p."processedAt" AS "handledAt", l."deliveredAt", l."gaveUpAt", l.attempts,
        last.status AS "lastStatus", last.error AS "lastError", coalesce(s."orderId", p."orderId") AS "orderId"
      ${RECEIVED} ${typeIs(type)}
      ORDER BY 3 DESC, 1 DESC
      LIMIT ${PAGE_SIZE} OFFSET ${skipFor(page)}`,
    db.$queryRaw<{ total: bigint }[]>`SELECT count(*) AS total ${RECEIVED} ${typeIs(type)}`,
  ]);
  return pageOf(
    rows.map((row) => ({
      id: row.id,
      type: row.type,
      receivedAt: row.receivedAt,
      outcome: outcomeOf(row),
      attempts: row.attempts,
      lastStatus: row.lastStatus,
      lastError: row.lastError,
      orderId: row.orderId,
    })),
    Number(counted?.total ?? 0),
    page,
  );
}

// The types there are to filter by.
export async function receivedEventTypes(): Promise<string[]> {
  const rows = await db.$queryRaw<{ type: string }[]>`
    SELECT type FROM processed_webhook_events UNION SELECT type FROM local_webhook_events ORDER BY type`;
  return rows.map((row) => row.type);
}

export type OutgoingDelivery = {
  id: string;
  eventId: string;
  type: string;
  endpointUrl: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  lastHttpStatus: number | null;
  lastAttemptAt: Date | null;
  createdAt: Date;
};

// What the shop announced to its customers' webhook endpoints, one row per event and endpoint.
export async function listOutgoingDeliveries({ type, page }: WebhookEventFilters): Promise<Page<OutgoingDelivery>> {
  const where: Prisma.WebhookDeliveryWhereInput = type ? { event: { type } } : {};
  const [rows, total] = await Promise.all([
    db.webhookDelivery.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: skipFor(page),
      take: PAGE_SIZE,
      select: {
        id: true,
        eventId: true,
        status: true,
        attempts: true,
        createdAt: true,
        event: { select: { type: true } },
        endpoint: { select: { url: true } },
        attemptLog: { orderBy: { number: "desc" }, take: 1, select: { httpStatus: true, attemptedAt: true } },
      },
    }),
    db.webhookDelivery.count({ where }),
  ]);
  return pageOf(
    rows.map((row) => ({
      id: row.id,
      eventId: row.eventId,
      type: row.event.type,
      endpointUrl: row.endpoint.url,
      status: row.status,
      attempts: row.attempts,
      lastHttpStatus: row.attemptLog[0]?.httpStatus ?? null,
      lastAttemptAt: row.attemptLog[0]?.attemptedAt ?? null,
      createdAt: row.createdAt,
    })),
    total,
    page,
  );
}

export async function outgoingEventTypes(): Promise<string[]> {
  const rows = await db.webhookEvent.findMany({ distinct: ["type"], select: { type: true }, orderBy: { type: "asc" } });
  return rows.map((row) => row.type);
}
