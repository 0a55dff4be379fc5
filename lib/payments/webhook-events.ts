import "server-only";
import type Stripe from "stripe";
import { db } from "../db/client";
import { log } from "../log";
import { closeUnlessPaid, closeUnpaidOrder, fulfilCheckout, recordAwaitingPayment } from "../orders/fulfilment";
import { recordDisputeEvent } from "../disputes/record";
import { applyChargeRefunded, applyOrderRefundUpdate } from "../orders/gateway-refunds";
import { applyRefundUpdate } from "../orders/refund-updates";
import { REFUND_STATUSES } from "./gateway";

export type WebhookResult = { status: "handled" | "duplicate" | "ignored" | "retry" };

// The objects the handled events carry: a Checkout Session, a Refund, a Charge or a Dispute.
type EventObject = {
  id: string;
  payment_status?: string;
  status?: string | null;
  metadata?: Record<string, string> | null;
  payment_intent?: string | { id: string } | null;
  charge?: string | { id: string } | null;
  amount?: number;
  amount_refunded?: number;
  currency?: string;
  reason?: string | null;
  failure_reason?: string | null;
  evidence_details?: { due_by?: number | null } | null;
};

const idOf = (value: string | { id: string } | null | undefined) =>
  typeof value === "string" ? value : (value?.id ?? null);

// A refund the gateway did not take yet asks for the event again: Stripe redelivers events
// answered with an error, and the next delivery retries the refund.
const retryIfRefundDue = ({ status }: { status: string }) => (status === "refund_due" ? "retry" : undefined);
const fulfil = async (sessionId: string) => retryIfRefundDue(await fulfilCheckout(sessionId));

// A refund's update that arrives before the order has recorded the refund is asked for again.
// A staff refund of a delivered order is found among the order refunds; any other is an
// undeliverable order's own refund.
async function refundUpdated(refund: EventObject) {
  const status = REFUND_STATUSES.find((known) => known === refund.status);
  if (!status) return;
  const orderId = refund.metadata?.orderId;
  const staff = await applyOrderRefundUpdate(refund.id, status, orderId);
  if (staff.status === "not_recorded_yet") return "retry";
  if (staff.status !== "unknown") return;
  const update = await applyRefundUpdate(refund.id, status, { orderId, failureReason: refund.failure_reason });
  if (update.status === "not_recorded_yet") return "retry";
}

// Every refund of a charge, the shop's own and those made in Stripe's dashboard.
async function chargeRefunded(charge: EventObject) {
  const paymentIntentId = idOf(charge.payment_intent);
  if (!paymentIntentId || charge.amount_refunded === undefined) return;
  await applyChargeRefunded({ id: charge.id, paymentIntentId, amountRefunded: charge.amount_refunded });
}

// A dispute of a payment whose order has not recorded it yet is asked for again.
async function disputeChanged(dispute: EventObject) {
  const paymentIntentId = idOf(dispute.payment_intent);
  if (!paymentIntentId || !dispute.status || dispute.amount === undefined) return;
  const dueBy = dispute.evidence_details?.due_by;
  const recorded = await recordDisputeEvent({
    id: dispute.id,
    paymentIntentId,
    chargeId: idOf(dispute.charge),
    amount: dispute.amount,
    currency: dispute.currency ?? "jpy",
    reason: dispute.reason ?? "general",
    status: dispute.status,
    evidenceDueBy: dueBy ? new Date(dueBy * 1000) : null,
  });
  if (recorded.status === "not_recorded_yet") return "retry";
}

const HANDLERS: Partial<Record<Stripe.Event.Type, (object: EventObject) => Promise<unknown>>> = {
  // A delayed payment method (Konbini) completes the session unpaid, with a voucher to pay;
  // async_payment_succeeded or async_payment_failed follows.
  "checkout.session.completed": async (session) =>
    session.payment_status === "unpaid" ? recordAwaitingPayment(session.id) : fulfil(session.id),
  "checkout.session.async_payment_succeeded": (session) => fulfil(session.id),
  "checkout.session.async_payment_failed": async (session) =>
    retryIfRefundDue(await closeUnlessPaid(session.id, "async_payment_failed")),
  "checkout.session.expired": (session) => closeUnpaidOrder(session.id, "EXPIRED"),
  // A refund that did not settle when it was asked for (pending, waiting for a bank account),
  // or one the bank returned after it succeeded.
  "charge.refund.updated": refundUpdated,
  "refund.updated": refundUpdated,
  "refund.failed": refundUpdated,
  // Refunds made in Stripe's dashboard reach the shop only this way.
  "charge.refunded": chargeRefunded,
  "charge.dispute.created": disputeChanged,
  "charge.dispute.updated": disputeChanged,
  "charge.dispute.closed": disputeChanged,
};

// A Checkout Session and a refund carry the order in their metadata; a charge and a dispute
// name the payment, which the order keeps.
async function orderOfEvent(object: EventObject): Promise<string | null> {
  const paymentIntentId = idOf(object.payment_intent);
  const orderId = object.metadata?.orderId;
  if (!orderId && !paymentIntentId) return null;
  const order = await db.order.findFirst({
    where: { OR: [...(orderId ? [{ id: orderId }] : []), ...(paymentIntentId ? [{ paymentIntentId }] : [])] },
    select: { id: true },
  });
  return order?.id ?? null;
}

// Handlers are idempotent on their own (order transitions are conditional), so a replay that
// slips past the event-id check while the first delivery is still running changes nothing;
// the check spares the work and records what was handled.
export async function handleWebhookEvent(event: Stripe.Event): Promise<WebhookResult> {
  const handler = HANDLERS[event.type];
  if (!handler) return { status: "ignored" };
  const seen = await db.processedWebhookEvent.findUnique({ where: { id: event.id }, select: { id: true } });
  if (seen) return { status: "duplicate" };
  // Not recorded, so the redelivery is handled rather than skipped as a duplicate.
  if ((await handler(event.data.object as EventObject)) === "retry") return { status: "retry" };
  const recorded = await db.processedWebhookEvent.createMany({
    data: [{ id: event.id, type: event.type, orderId: await orderOfEvent(event.data.object as EventObject) }],
    skipDuplicates: true,
  });
  log.info({ eventId: event.id, type: event.type }, "webhook event handled");
  return { status: recorded.count === 1 ? "handled" : "duplicate" };
}
