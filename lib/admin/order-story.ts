import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "../db/client";
import { orderIdSuffixOf, orderReference } from "../orders/order-emails";
import { ACCEPTED_REFUND_STATUSES, refundableAmount } from "../orders/order-refunds";

// An order as the console shows it: what was bought and paid, and its whole story — every
// record any part of the shop keeps about it, merged into one timeline with who did each step.

// Who did a step: the buyer, a staff member (by email), the payment gateway (the local checkout
// or Stripe), or the shop's own background work.
export type TimelineActor =
  { type: "customer"; email: string } | { type: "staff"; email: string } | { type: "gateway" } | { type: "job" };

// `event` names the step (a message key of the page); `details` fill its sentence.
export type TimelineEntry = {
  at: Date;
  event: string;
  actor: TimelineActor;
  details: Record<string, string | number>;
};

const orderInclude = {
  user: { select: { id: true, email: true, name: true } },
  plan: { select: { slug: true, dataMb: true, days: true, carrier: { select: { name: true } } } },
  topUpPack: { select: { slug: true, dataMb: true, daysAdded: true, carrier: { select: { name: true } } } },
  esim: { select: { id: true, iccid: true } },
  promotion: { select: { id: true, code: true, slug: true } },
  esimProfiles: { select: { id: true, iccid: true, state: true, createdAt: true }, orderBy: { sequence: "asc" } },
  localSession: {
    include: {
      attempts: { orderBy: { createdAt: "asc" } },
      webhookEvents: {
        orderBy: { createdAt: "asc" },
        include: { deliveries: { orderBy: { attemptedAt: "desc" }, take: 1 } },
      },
    },
  },
  refunds: { orderBy: { createdAt: "asc" } },
  disputes: { orderBy: { createdAt: "asc" } },
  notes: { orderBy: { createdAt: "asc" }, include: { author: { select: { email: true } } } },
} satisfies Prisma.OrderInclude;

type StoredOrder = Prisma.OrderGetPayload<{ include: typeof orderInclude }>;

// Audit entries whose change the timeline already shows from its own record.
const SHOWN_BY_THEIR_RECORD = new Set(["order.refund", "order.note"]);

async function orderByReference(reference: string): Promise<StoredOrder | null> {
  const suffix = orderIdSuffixOf(reference);
  if (!suffix) return null;
  const [order, other] = await db.order.findMany({
    where: { id: { endsWith: suffix } },
    include: orderInclude,
    take: 2,
  });
  // Two orders sharing a reference cannot be told apart by it: support asks for another key.
  return order && !other ? order : null;
}

// `handled`: the events the shop's webhook acted on and recorded.
function checkoutEntries(order: StoredOrder, customer: TimelineActor, handled: Set<string>): TimelineEntry[] {
  const session = order.localSession;
  if (!session) return [];
  const entries: TimelineEntry[] = [
    { at: session.createdAt, event: "checkoutOpened", actor: customer, details: { session: session.id } },
    ...session.attempts.map((attempt) => ({
      at: attempt.createdAt,
      event: attempt.outcome === "succeeded" ? "paymentSucceeded" : "paymentDeclined",
      actor: customer,
      details: { method: attempt.method, code: attempt.declineCode ?? "" },
    })),
  ];
  for (const event of session.webhookEvents) {
    const last = event.deliveries[0];
    entries.push({
      at: last?.attemptedAt ?? event.createdAt,
      event: "webhookReceived",
      actor: { type: "gateway" },
      details: {
        type: event.type,
        id: event.id,
        attempts: event.attempts,
        outcome: handled.has(event.id)
          ? "handled"
          : event.deliveredAt
            ? "delivered"
            : event.gaveUpAt
              ? "given_up"
              : "retrying",
        answer: last?.status ?? last?.error ?? "",
      },
    });
  }
  return entries;
}

function refundEntries(order: StoredOrder, staffEmails: Map<string, string>): TimelineEntry[] {
  return order.refunds.map((refund) => ({
    at: refund.createdAt,
    event: refund.source === "staff" ? "staffRefund" : refund.source === "dispute" ? "disputeRefund" : "gatewayRefund",
    actor:
      refund.source === "staff" && refund.actorId
        ? { type: "staff", email: staffEmails.get(refund.actorId) ?? refund.actorId }
        : { type: "gateway" },
    details: {
      amount: refund.amount,
      currency: refund.currency,
      reason: refund.reason,
      status: refund.status,
      note: refund.note ?? "",
      notified: refund.notifyCustomer ? "yes" : "no",
    },
  }));
}

function disputeEntries(order: StoredOrder, staffEmails: Map<string, string>): TimelineEntry[] {
  return order.disputes.flatMap((dispute) => {
    const details = { id: dispute.id, reason: dispute.reason, amount: dispute.amount, currency: dispute.currency };
    const entries: TimelineEntry[] = [
      { at: dispute.createdAt, event: "disputeOpened", actor: { type: "gateway" }, details },
    ];
    if (dispute.evidenceSubmittedAt)
      entries.push({
        at: dispute.evidenceSubmittedAt,
        event: "disputeEvidence",
        actor: {
          type: "staff",
          email: staffEmails.get(dispute.evidenceActorId ?? "") ?? dispute.evidenceActorId ?? "",
        },
        details,
      });
    if (dispute.closedAt)
      entries.push({
        at: dispute.closedAt,
        event: "disputeClosed",
        actor: { type: "gateway" },
        details: { ...details, status: dispute.status },
      });
    return entries;
  });
}

// The order's emails: those naming its reference, and the activation emails of its eSIMs.
function emailsOf(order: StoredOrder, reference: string) {
  const iccids = order.esimProfiles.map((esim) => esim.iccid);
  return db.outboxEmail.findMany({
    where: {
      userId: order.userId,
      OR: [
        { payload: { path: ["reference"], equals: reference } },
        ...iccids.map((iccid) => ({ template: "esim-activation", payload: { path: ["iccid"], equals: iccid } })),
      ],
    },
    select: {
      id: true,
      template: true,
      to: true,
      status: true,
      attempts: true,
      lastError: true,
      createdAt: true,
      sentAt: true,
    },
    orderBy: { createdAt: "asc" },
  });
}

async function timelineOf(order: StoredOrder, reference: string): Promise<TimelineEntry[]> {
  const esimIds = order.esimProfiles.map((esim) => esim.id);
  const localEventIds = order.localSession?.webhookEvents.map((event) => event.id) ?? [];
  const [emails, esimEvents, audit, processed] = await Promise.all([
    emailsOf(order, reference),
    db.esimEvent.findMany({ where: { esimId: { in: esimIds } }, include: { esim: { select: { iccid: true } } } }),
    db.auditEntry.findMany({ where: { targetType: "order", targetId: order.id }, orderBy: { createdAt: "asc" } }),
    db.processedWebhookEvent.findMany({
      where: { OR: [{ id: { in: localEventIds } }, { orderId: order.id }] },
      select: { id: true, type: true, processedAt: true },
    }),
  ]);
  const staffIds = [
    ...order.refunds.map((refund) => refund.actorId),
    ...order.disputes.map((dispute) => dispute.evidenceActorId),
  ].filter((id): id is string => !!id);
  const staffEmails = new Map(
    (await db.user.findMany({ where: { id: { in: staffIds } }, select: { id: true, email: true } })).map((user) => [
      user.id,
      user.email,
    ]),
  );
  const customer: TimelineActor = { type: "customer", email: order.user.email };
  const checkout = checkoutEntries(order, customer, new Set(processed.map((event) => event.id)));
  // Events from Stripe itself: the shop keeps those it handled, with the order they named.
  const gatewayEvents = processed
    .filter((event) => !localEventIds.includes(event.id))
    .map((event) => ({
      at: event.processedAt,
      event: "webhookReceived",
      actor: { type: "gateway" as const },
      details: { type: event.type, id: event.id, attempts: 1, outcome: "handled", answer: "" },
    }));

  const entries: TimelineEntry[] = [
    { at: order.createdAt, event: "created", actor: customer, details: { total: order.totalAmount } },
    ...checkout,
    ...gatewayEvents,
    ...(order.paidAt ? [{ at: order.paidAt, event: "paid", actor: { type: "gateway" as const }, details: {} }] : []),
    ...order.esimProfiles.map((esim) => ({
      at: esim.createdAt,
      event: "esimIssued",
      actor: { type: "job" as const },
      details: { iccid: esim.iccid },
    })),
    ...(order.fulfilledAt
      ? [{ at: order.fulfilledAt, event: "fulfilled", actor: { type: "job" as const }, details: {} }]
      : []),
    ...esimEvents.map((event) => ({
      at: event.createdAt,
      event: "esimState",
      actor: { type: "job" as const },
      details: { iccid: event.esim.iccid, from: event.fromState, to: event.toState, source: event.source },
    })),
    ...emails.flatMap((email) => {
      const details = {
        template: email.template,
        to: email.to,
        attempts: email.attempts,
        error: email.lastError ?? "",
      };
      const queued = { at: email.createdAt, event: "emailQueued", actor: { type: "job" as const }, details };
      if (email.sentAt) return [queued, { ...queued, at: email.sentAt, event: "emailSent" }];
      return email.status === "FAILED" ? [queued, { ...queued, event: "emailFailed" }] : [queued];
    }),
    // A paid order that could not be delivered is refunded by the shop itself.
    ...(order.refundedAt && order.refunds.length === 0
      ? [
          {
            at: order.refundedAt,
            event: "autoRefund",
            actor: { type: "job" as const },
            details: { amount: order.totalAmount, currency: order.currency },
          },
        ]
      : []),
    // Refused or failed for good: nothing retries it, and a person must give the money back.
    ...(order.refundFailedAt
      ? [
          {
            at: order.refundFailedAt,
            event: "refundFailed",
            actor: { type: "gateway" as const },
            details: {
              hasReason: order.refundFailureReason ? "yes" : "no",
              gatewayReason: order.refundFailureReason ?? "",
            },
          },
        ]
      : []),
    ...refundEntries(order, staffEmails),
    ...disputeEntries(order, staffEmails),
    ...order.notes.map((note) => ({
      at: note.createdAt,
      event: "note",
      actor: { type: "staff" as const, email: note.author.email },
      details: { body: note.body },
    })),
    ...audit
      .filter((entry) => !SHOWN_BY_THEIR_RECORD.has(entry.action))
      .map((entry) => ({
        at: entry.createdAt,
        event: "audit",
        actor: { type: "staff" as const, email: entry.actorEmail },
        details: { action: entry.action },
      })),
  ];
  // Steps of one instant keep the order they were listed in: cause before effect.
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => a.entry.at.getTime() - b.entry.at.getTime() || a.index - b.index)
    .map(({ entry }) => entry);
}

export async function orderStory(reference: string) {
  const order = await orderByReference(reference);
  if (!order) return null;
  const [timeline, remaining] = await Promise.all([timelineOf(order, reference), refundableAmount(db, order)]);
  // Given back so far: the accepted refunds, or all of it when the shop refunded an order it
  // could not deliver.
  const refunded =
    order.refundedAt && order.refunds.length === 0
      ? order.totalAmount
      : order.refunds
          .filter((refund) => ACCEPTED_REFUND_STATUSES.includes(refund.status))
          .reduce((sum, refund) => sum + refund.amount, 0);
  return { order, reference: orderReference(order.id), timeline, remaining, refunded };
}

export type OrderStory = NonNullable<Awaited<ReturnType<typeof orderStory>>>;
