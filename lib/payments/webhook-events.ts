import "server-only";
import type Stripe from "stripe";
import { db } from "../db/client";
import { log } from "../log";
import { closeUnpaidOrder, fulfilCheckout } from "../orders/fulfilment";

export type WebhookResult = { status: "handled" | "duplicate" | "ignored" | "retry" };

type SessionEvent = { data: { object: { id: string; payment_status?: string } } };

// A refund the gateway did not take yet asks for the event again: Stripe redelivers events
// answered with an error, and the next delivery retries the refund.
async function fulfil(sessionId: string): Promise<"retry" | void> {
  if ((await fulfilCheckout(sessionId)).status === "refund_due") return "retry";
}

const HANDLERS: Partial<Record<Stripe.Event.Type, (event: SessionEvent) => Promise<unknown>>> = {
  // A delayed payment method completes the session unpaid; async_payment_succeeded follows.
  "checkout.session.completed": async (event) => {
    if (event.data.object.payment_status !== "unpaid") return fulfil(event.data.object.id);
  },
  "checkout.session.async_payment_succeeded": (event) => fulfil(event.data.object.id),
  "checkout.session.async_payment_failed": (event) =>
    closeUnpaidOrder(event.data.object.id, "FAILED", "async_payment_failed"),
  "checkout.session.expired": (event) => closeUnpaidOrder(event.data.object.id, "EXPIRED"),
};

// Handlers are idempotent on their own (order transitions are conditional), so a replay that
// slips past the event-id check while the first delivery is still running changes nothing;
// the check spares the work and records what was handled.
export async function handleWebhookEvent(event: Stripe.Event): Promise<WebhookResult> {
  const handler = HANDLERS[event.type];
  if (!handler) return { status: "ignored" };
  const seen = await db.processedWebhookEvent.findUnique({ where: { id: event.id }, select: { id: true } });
  if (seen) return { status: "duplicate" };
  // Not recorded, so the redelivery is handled rather than skipped as a duplicate.
  if ((await handler(event as unknown as SessionEvent)) === "retry") return { status: "retry" };
  const recorded = await db.processedWebhookEvent.createMany({
    data: [{ id: event.id, type: event.type }],
    skipDuplicates: true,
  });
  log.info({ eventId: event.id, type: event.type }, "webhook event handled");
  return { status: recorded.count === 1 ? "handled" : "duplicate" };
}
