import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { orderStory } from "@/lib/admin/order-story";
import { listReceivedEvents } from "@/lib/admin/webhook-events";
import { db } from "@/lib/db/client";
import { orderReference } from "@/lib/orders/order-emails";
import { payLocalSession } from "@/lib/payments/local-checkout";
import {
  activeEsim,
  openCheckout,
  postEvent,
  signedEvent,
  signedSessionEvent,
  SUCCEEDING_CARD,
} from "@/lib/testing/shop";
import { newAccount, signInAs, type TestAccount } from "@/lib/testing/staff";
import { addOrderNoteAction, refundOrderAction } from "./actions";

vi.mock("@/lib/auth/auth", async () => (await import("@/lib/testing/staff")).mockedAuth);
vi.mock("next/navigation", async () => (await import("@/lib/testing/staff")).mockedNavigation);
vi.mock("@/lib/i18n/navigation", async () => (await import("@/lib/testing/staff")).mockedNavigation);
vi.mock("next-intl/server", () => ({ getLocale: async () => "en" }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "10.1.2.3" }) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const EMPTY = { values: {}, fieldErrors: {} };
const key = () => randomUUID().replaceAll("-", "");

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

async function deliveredOrder() {
  const { buyer, esim } = await activeEsim("au-1gb-3d");
  return { buyer, esim, order: await db.order.findUniqueOrThrow({ where: { id: esim.orderId } }) };
}

const refundForm = (orderId: string, amount: number, more: Record<string, string> = {}) =>
  form({ orderId, amount: String(amount), reason: "service_problem", note: "", idempotencyKey: key(), ...more });

let support: TestAccount;
let admin: TestAccount;
beforeAll(async () => {
  [support, admin] = await Promise.all([newAccount("SUPPORT"), newAccount("ADMIN")]);
});

describe("a note on an order", () => {
  it("is added by support, audited, and shown in the timeline with its author", async () => {
    const { order } = await deliveredOrder();
    await signInAs(support);
    expect(
      await addOrderNoteAction(EMPTY, form({ orderId: order.id, body: "  Customer called about roaming.  " })),
    ).toMatchObject({ added: true });
    const [note] = await db.orderNote.findMany({ where: { orderId: order.id } });
    expect(note).toMatchObject({ authorId: support.id, body: "Customer called about roaming." });
    expect(await db.auditEntry.count({ where: { action: "order.note", targetId: order.id } })).toBe(1);
    const story = await orderStory(orderReference(order.id));
    expect(story?.timeline.at(-1)).toMatchObject({
      event: "note",
      actor: { type: "staff", email: support.email },
      details: { body: "Customer called about roaming." },
    });
  });

  it("refuses an empty or oversized note, and an unknown order, changing nothing", async () => {
    const { order } = await deliveredOrder();
    await signInAs(support);
    expect(await addOrderNoteAction(EMPTY, form({ orderId: order.id, body: "   " }))).toMatchObject({
      fieldErrors: { body: ["note_empty"] },
    });
    expect(await addOrderNoteAction(EMPTY, form({ orderId: order.id, body: "x".repeat(2001) }))).toMatchObject({
      fieldErrors: { body: ["note_too_long"] },
    });
    await expect(addOrderNoteAction(EMPTY, form({ orderId: "c".repeat(25), body: "hello" }))).rejects.toThrow(
      "NEXT_NOT_FOUND",
    );
    await expect(addOrderNoteAction(EMPTY, form({ orderId: "../x", body: "hello" }))).rejects.toThrow("NEXT_NOT_FOUND");
    expect(await db.orderNote.count({ where: { orderId: order.id } })).toBe(0);
  });
});

describe("a refund from the order page", () => {
  it("refunds part of an order, audits it with the amounts, and shows it in the timeline", async () => {
    const { order, buyer } = await deliveredOrder();
    await signInAs(admin);
    const reply = await refundOrderAction(
      EMPTY,
      refundForm(order.id, 300, { notifyCustomer: "on", note: "Slow in Osaka" }),
    );
    expect(reply).toMatchObject({ refunded: "refunded", remaining: order.totalAmount - 300 });
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("PARTIALLY_REFUNDED");
    const [entry] = await db.auditEntry.findMany({ where: { action: "order.refund", targetId: order.id } });
    expect(entry).toMatchObject({
      actorEmail: admin.email,
      before: { status: "FULFILLED", remaining: order.totalAmount },
      after: { amount: 300, reason: "service_problem", note: "Slow in Osaka", notifyCustomer: true },
    });
    expect(await db.outboxEmail.count({ where: { userId: buyer.id, template: "order-refund" } })).toBe(1);
    const story = await orderStory(orderReference(order.id));
    expect(story?.refunded).toBe(300);
    expect(story?.timeline.find((step) => step.event === "staffRefund")).toMatchObject({
      actor: { type: "staff", email: admin.email },
      details: { amount: 300, reason: "service_problem", notified: "yes" },
    });
  });

  it("refuses support above its limit, audits the attempt and changes nothing", async () => {
    // A plan of its own above support's ¥5,000, taken off sale again once bought.
    const slug = `test-plan-${randomUUID().slice(0, 8)}`;
    const plan = await db.plan.create({
      data: { slug, carrierCode: "KDDI_AU", kind: "DATA_PACK", dataMb: 1024, days: 3, priceAmount: 9000 },
    });
    const { esim } = await activeEsim(slug).finally(() =>
      db.plan.update({ where: { id: plan.id }, data: { active: false } }),
    );
    const order = await db.order.findUniqueOrThrow({ where: { id: esim.orderId } });
    await signInAs(support);
    expect(await refundOrderAction(EMPTY, refundForm(order.id, 5001))).toMatchObject({
      formError: "over_limit",
      limit: 5000,
    });
    expect(await db.orderRefund.count({ where: { orderId: order.id } })).toBe(0);
    expect(await db.auditEntry.findFirst({ where: { action: "order.refund", targetId: order.id } })).toMatchObject({
      actorEmail: support.email,
      after: { refusal: "over_limit", amount: 5001 },
    });
    expect(await refundOrderAction(EMPTY, refundForm(order.id, 9001))).toMatchObject({
      formError: "exceeds_remaining",
      remaining: 9000,
    });
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("FULFILLED");
    // Within the limit, support's refund goes through.
    expect(await refundOrderAction(EMPTY, refundForm(order.id, 5000))).toMatchObject({ refunded: "refunded" });
  });

  it("refuses a malformed form with field errors, and a forged key or order with a 404", async () => {
    const { order } = await deliveredOrder();
    await signInAs(admin);
    expect(await refundOrderAction(EMPTY, refundForm(order.id, 0, { reason: "because" }))).toMatchObject({
      fieldErrors: { amount: ["amount_invalid"], reason: ["reason_invalid"] },
    });
    await expect(refundOrderAction(EMPTY, refundForm(order.id, 100, { idempotencyKey: "short" }))).rejects.toThrow(
      "NEXT_NOT_FOUND",
    );
    await expect(refundOrderAction(EMPTY, refundForm("nosuchorder", 100))).rejects.toThrow("NEXT_NOT_FOUND");
    expect(await db.orderRefund.count({ where: { orderId: order.id } })).toBe(0);
  });

  it("refuses an order that was never paid", async () => {
    const { order } = await openCheckout();
    await signInAs(admin);
    expect(await refundOrderAction(EMPTY, refundForm(order.id, 100))).toMatchObject({ formError: "not_paid" });
  });
});

describe("the order's timeline", () => {
  it("merges checkout, payment attempts, webhook events, fulfilment and emails in time order", async () => {
    const { order, sessionId } = await openCheckout({ planSlug: "au-1gb-3d" });
    const origin = "http://127.0.0.1:3000";
    await payLocalSession(sessionId, { ...SUCCEEDING_CARD, cardNumber: "4000000000000002" }, origin);
    await payLocalSession(sessionId, SUCCEEDING_CARD, origin);
    // The shop's webhook route receives the local checkout's own events, as stored.
    for (const event of await db.localWebhookEvent.findMany({ where: { sessionId } }))
      await postEvent(signedEvent(event.payload as object));
    const story = await orderStory(orderReference(order.id));
    const events = story!.timeline.map((step) => step.event);
    expect(events.slice(0, 4)).toEqual(["created", "checkoutOpened", "paymentDeclined", "paymentSucceeded"]);
    for (const expected of ["webhookReceived", "paid", "esimIssued", "fulfilled", "emailQueued"])
      expect(events).toContain(expected);
    expect(story!.timeline.find((step) => step.event === "paymentDeclined")?.details).toMatchObject({
      method: "card",
      code: "generic_decline",
    });
    expect(story!.timeline.find((step) => step.event === "webhookReceived")?.details).toMatchObject({
      type: "checkout.session.completed",
      outcome: "handled",
    });
    const times = story!.timeline.map((step) => step.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it("shows an event Stripe sent itself, with the order it named", async () => {
    const { order, sessionId } = await openCheckout({ planSlug: "au-1gb-3d" });
    await payLocalSession(sessionId, SUCCEEDING_CARD, "http://127.0.0.1:3000");
    // Not one the local checkout logged: as Stripe's own deliveries are.
    const event = await signedSessionEvent("checkout.session.completed", sessionId);
    expect(await postEvent(event)).toMatchObject({ status: 200 });
    const eventId = (JSON.parse(event.payload) as { id: string }).id;
    expect(await db.processedWebhookEvent.findUnique({ where: { id: eventId } })).toMatchObject({
      orderId: order.id,
    });
    const story = await orderStory(orderReference(order.id));
    expect(story!.timeline.find((step) => step.details.id === eventId)).toMatchObject({
      event: "webhookReceived",
      actor: { type: "gateway" },
      details: { type: "checkout.session.completed", outcome: "handled" },
    });
    const received = await listReceivedEvents({ tab: "received", type: "checkout.session.completed", page: 1 });
    expect(received.rows.find((row) => row.id === eventId)).toMatchObject({ outcome: "handled", orderId: order.id });
  });

  it("is not found for a reference that is malformed or names no order", async () => {
    expect(await orderStory("TB-ZZZZZZZZ")).toBeNull();
    expect(await orderStory("not-a-reference")).toBeNull();
  });
});
