import { Logger, run, type Runner } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Locale } from "next-intl";
import { db } from "../db/client";
import type { EmailPayloads } from "../email/messages";
import { renderEmail } from "../email/render";
import { env } from "../env";
import { taskList } from "../jobs/tasks";
import { startCheckout } from "../orders/checkout";
import { reconcileStaleOrders } from "../orders/reconcile";
import {
  deliverEventsOf,
  issueVoucher,
  newBuyer,
  newPromoCode,
  NO_WEBHOOK_RECEIVER,
  openCheckout,
  openCheckoutPriced,
  postEvent,
  queuedJob,
  runQueuedJob,
  signedEvent,
  signedSessionEvent,
} from "../testing/shop";
import { startWebhookServer } from "../testing/webhook-server";
import { KONBINI_PAYMENT_BUFFER_MS, KONBINI_STORES, KONBINI_TEST_DELAY_MS, type KonbiniVoucher } from "./konbini";
import { DELIVERY_SCHEDULE_MS, deliverLocalEvent } from "./local-event-delivery";
import { methodsFor, PAYMENT_METHOD_TYPES } from "./methods";

// Before anything reads env() (the database client does, on import): simulated waits pass 30
// times faster, vouchers last 2 days (not the default 3), and APP_URL (where the queue's jobs
// announce events) is this file's webhook server.
const { appPort } = await vi.hoisted(async () => {
  const { createServer } = await import("node:net");
  const probe = createServer();
  const port = await new Promise<number>((resolve) =>
    probe.listen(0, "127.0.0.1", () => resolve((probe.address() as { port: number }).port)),
  );
  await new Promise((resolve) => probe.close(resolve));
  vi.stubEnv("SANDBOX_TIME_SCALE", "30");
  vi.stubEnv("KONBINI_EXPIRES_AFTER_DAYS", "2");
  vi.stubEnv("APP_URL", `http://127.0.0.1:${port}`);
  return { appPort: port };
});
const SCALE = 30;

let webhookServer: Awaited<ReturnType<typeof startWebhookServer>>;
beforeAll(async () => {
  webhookServer = await startWebhookServer(appPort);
});
afterAll(async () => {
  await webhookServer.close();
  vi.unstubAllEnvs();
});

const orderOf = (orderId: string) => db.order.findUniqueOrThrow({ where: { id: orderId } });
const profilesOf = (orderId: string) => db.esimProfile.findMany({ where: { orderId } });
const emailsOf = (userId: string, template: "konbini-voucher" | "order-receipt") =>
  db.outboxEmail.findMany({ where: { userId, template } });
const voucherJob = (sessionId: string) => `konbini-voucher:${sessionId}`;
const delivered = (...types: string[]) => types.map((type) => ({ type, status: "delivered" }));

// 23:59:59 JST on the last day, counted in calendar days in Japan from the day it was issued.
function deadlineFrom(issuedAt: Date, days: number): string {
  const jst = new Date(issuedAt.getTime() + 9 * 3_600_000);
  return new Date(Date.UTC(jst.getUTCFullYear(), jst.getUTCMonth(), jst.getUTCDate() + days, 14, 59, 59)).toISOString();
}

// A checkout (with a one-place code) paid by Konbini: the voucher is issued and its
// checkout.session.completed travels to the webhook route, which records it on the order.
async function voucherRecorded(values: { email?: string; phone?: string } = {}) {
  const code = await newPromoCode({ maxRedemptions: 1 });
  const checkout = await openCheckout({ promoCode: code });
  const issuedFrom = Date.now();
  expect(await issueVoucher(checkout.sessionId, webhookServer.origin, values)).toMatchObject({ status: "succeeded" });
  const issuedTo = Date.now();
  expect(await deliverEventsOf(checkout.sessionId)).toEqual(delivered("checkout.session.completed"));
  const order = await orderOf(checkout.order.id);
  return { ...checkout, code, order, voucher: order.konbiniVoucher as KonbiniVoucher, issuedFrom, issuedTo };
}

const otherBuyerChecksOut = async (promoCode: string) =>
  (await startCheckout(await newBuyer(), { planSlug: "au-1gb-3d", quantity: 1, promoCode }, { locale: "en" })).status;

describe("a Konbini voucher", () => {
  it("is recorded on the order with its deadline at 23:59:59 JST on the last day, and emailed once", async () => {
    const { buyer, order, sessionId, code, voucher, issuedFrom } = await voucherRecorded();
    expect(order).toMatchObject({ status: "PENDING", paymentMethod: "konbini", paymentStatus: "unpaid" });
    expect(voucher).toEqual({
      confirmationNumber: expect.stringMatching(/^\d{11}$/),
      paymentCodes: Object.fromEntries(KONBINI_STORES.map((store) => [store, expect.stringMatching(/^\d{12}$/)])),
      amount: order.totalAmount,
      currency: "JPY",
      expiresAt: deadlineFrom(new Date(issuedFrom), 2),
    });
    const [email, ...others] = await emailsOf(buyer.id, "konbini-voucher");
    expect(others).toHaveLength(0);
    expect(email).toMatchObject({ to: buyer.email, payload: { voucher } });
    // In the buyer's language: each of the three, with the numbers to give at the store.
    const subjects = {
      en: "Your convenience store voucher for Tabi order",
      ja: "のコンビニ払込票",
      zh: "的便利店缴费单",
    };
    for (const [locale, subject] of Object.entries(subjects) as [Locale, string][]) {
      const rendered = await renderEmail("konbini-voucher", email!.payload as EmailPayloads["konbini-voucher"], locale);
      expect(rendered.subject).toContain(subject);
      for (const part of [rendered.html, rendered.text]) {
        expect(part).toContain(voucher.confirmationNumber);
        for (const code of Object.values(voucher.paymentCodes)) expect(part).toContain(code);
      }
    }
    // Waiting for the store, the order holds the code's one place.
    expect(await otherBuyerChecksOut(code)).toBe("code_used_up");

    // Redelivered, and a second voucher asked for: nothing more is issued or emailed.
    expect(await postEvent(await signedSessionEvent("checkout.session.completed", sessionId))).toEqual({
      status: 200,
      result: "handled",
    });
    expect(await issueVoucher(sessionId, webhookServer.origin)).toEqual({ status: "closed" });
    expect(await emailsOf(buyer.id, "konbini-voucher")).toHaveLength(1);
    expect((await orderOf(order.id)).konbiniVoucher).toEqual(voucher);
  });

  const NOW = "at once";
  const DELAY = "after 3 minutes";
  const DEADLINE = "after its deadline";
  it.each([
    ["any address", "paid", DELAY, {}],
    [
      "11111111110 (over an expiring email)",
      "paid",
      DELAY,
      { phone: "11111111110", email: "a_expire_immediately@x.test" },
    ],
    ["…succeed_immediately@", "paid", NOW, { email: "a+succeed_immediately@x.test" }],
    ["22222222220 (over a never-paid email)", "paid", NOW, { phone: "22222222220", email: "a_fill_never@x.test" }],
    ["…expire_immediately@", "expired", NOW, { email: "a_expire_immediately@x.test" }],
    [
      "33333333330 (over a paying email)",
      "expired",
      NOW,
      { phone: "33333333330", email: "a+succeed_immediately@x.test" },
    ],
    ["…expire_with_delay@", "expired", DELAY, { email: "a_expire_with_delay@x.test" }],
    ["44444444440", "expired", DELAY, { phone: "44444444440" }],
    ["…fill_never@", "expired", DEADLINE, { email: "a_fill_never@x.test" }],
    [
      "55555555550 (over a paying email)",
      "expired",
      DEADLINE,
      { phone: "55555555550", email: "succeed_immediately@x.test" },
    ],
  ] as const)("with %s is %s %s, on the queue, and the order follows", async (_, result, when, values) => {
    const { buyer, order, sessionId, code, voucher, issuedFrom, issuedTo } = await voucherRecorded(values);

    // Due in sandbox time: Stripe's wait divided by SANDBOX_TIME_SCALE.
    const job = await queuedJob(voucherJob(sessionId));
    expect(job).toMatchObject({ task: "settle-konbini-voucher", payload: { sessionId, result }, attempts: 0 });
    const dueAfter = (issuedAt: number) =>
      when === NOW
        ? 0
        : when === DELAY
          ? KONBINI_TEST_DELAY_MS / SCALE
          : (Date.parse(voucher.expiresAt) + KONBINI_PAYMENT_BUFFER_MS - issuedAt) / SCALE;
    expect(job!.runAt.getTime()).toBeGreaterThanOrEqual(issuedFrom + dueAfter(issuedFrom) - 1);
    expect(job!.runAt.getTime()).toBeLessThanOrEqual(issuedTo + dueAfter(issuedTo) + 1);

    await runQueuedJob(voucherJob(sessionId));
    const outcome = `checkout.session.async_payment_${result === "paid" ? "succeeded" : "failed"}`;
    expect(await deliverEventsOf(sessionId)).toEqual(delivered(outcome));

    const settled = await orderOf(order.id);
    expect(await emailsOf(buyer.id, "konbini-voucher")).toHaveLength(1);
    if (result === "paid") {
      expect(settled).toMatchObject({ status: "FULFILLED", paymentMethod: "konbini", paymentStatus: "paid" });
      expect(KONBINI_STORES).toContain((settled.paymentDetails as { store: string }).store);
      expect(settled.konbiniVoucher).toBeNull();
      expect(await profilesOf(order.id)).toHaveLength(1);
      expect(await emailsOf(buyer.id, "order-receipt")).toHaveLength(1);
      expect(await otherBuyerChecksOut(code)).toBe("code_used_up");
    } else {
      expect(settled).toMatchObject({ status: "FAILED", failureReason: "async_payment_failed", konbiniVoucher: null });
      expect(await profilesOf(order.id)).toHaveLength(0);
      expect(await emailsOf(buyer.id, "order-receipt")).toHaveLength(0);
      // The code's place is free for someone else.
      expect(await otherBuyerChecksOut(code)).toBe("opened");
    }
  });

  it("paid after a delay is settled by the job queue across an app restart", { timeout: 60_000 }, async () => {
    const { buyer, order, sessionId, issuedTo } = await voucherRecorded({ phone: "11111111110" });
    const due = issuedTo + KONBINI_TEST_DELAY_MS / SCALE;
    // The queue's own tasks for vouchers and event deliveries, as the app runs them.
    const startRunner = (): Promise<Runner> =>
      run({
        connectionString: env().DATABASE_URL,
        concurrency: 2,
        noHandleSignals: true,
        pollInterval: 200,
        logger: new Logger(() => () => undefined),
        taskList: {
          "settle-konbini-voucher": taskList["settle-konbini-voucher"],
          "deliver-local-event": taskList["deliver-local-event"],
        },
      });

    const first = await startRunner();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await first.stop();
    expect(Date.now()).toBeLessThan(due);
    expect(await queuedJob(voucherJob(sessionId))).toMatchObject({ attempts: 0 });
    expect(await orderOf(order.id)).toMatchObject({ status: "PENDING" });

    const second = await startRunner();
    try {
      await vi.waitFor(
        async () => expect(await orderOf(order.id)).toMatchObject({ status: "FULFILLED", paymentMethod: "konbini" }),
        { timeout: 40_000, interval: 250 },
      );
    } finally {
      await second.stop();
    }
    expect(Date.now()).toBeGreaterThanOrEqual(due);
    expect(await queuedJob(voucherJob(sessionId))).toBeNull();
    expect(await profilesOf(order.id)).toHaveLength(1);
    expect(await emailsOf(buyer.id, "order-receipt")).toHaveLength(1);
  });

  it("is refused for the confirmation number Stripe rejects, and nothing changes", async () => {
    const { order, sessionId } = await openCheckout();
    expect(await issueVoucher(sessionId, webhookServer.origin, { phone: "01234567890" })).toEqual({
      status: "confirmation_number_rejected",
    });
    expect(await db.localCheckoutSession.findUniqueOrThrow({ where: { id: sessionId } })).toMatchObject({
      status: "OPEN",
      paymentMethod: null,
      konbiniVoucher: null,
    });
    expect(await queuedJob(voucherJob(sessionId))).toBeNull();
    expect(await deliverEventsOf(sessionId)).toEqual([]);
    expect(await orderOf(order.id)).toMatchObject({ status: "PENDING", paymentMethod: null });
  });

  it("is not offered where the checkout does not offer Konbini", async () => {
    const { order, sessionId } = await openCheckout();
    await db.localCheckoutSession.update({ where: { id: sessionId }, data: { paymentMethodTypes: ["card"] } });
    expect(await issueVoucher(sessionId, webhookServer.origin)).toEqual({ status: "not_offered" });
    expect(await deliverEventsOf(sessionId)).toEqual([]);
    expect(await orderOf(order.id)).toMatchObject({ status: "PENDING", paymentMethod: null });
  });

  it("is never offered for an amount outside ¥120–¥300,000", async () => {
    expect(methodsFor(PAYMENT_METHOD_TYPES, { amount: 119, currency: "JPY" })).not.toContain("konbini");
    expect(methodsFor(PAYMENT_METHOD_TYPES, { amount: 120, currency: "JPY" })).toContain("konbini");
    expect(methodsFor(PAYMENT_METHOD_TYPES, { amount: 300_001, currency: "JPY" })).not.toContain("konbini");
    expect(methodsFor(PAYMENT_METHOD_TYPES, { amount: 300_000, currency: "USD" })).not.toContain("konbini");

    // ¥980 less ¥900 is ¥80; a ¥400,000 plan is over the top.
    const cheap = await openCheckout({ promoCode: await newPromoCode({ amountOff: 900 }) });
    const dear = await openCheckoutPriced(400_000);
    for (const { order, sessionId } of [cheap, dear]) {
      const session = await db.localCheckoutSession.findUniqueOrThrow({ where: { id: sessionId } });
      expect(session.paymentMethodTypes).toEqual(["card", "paypay", "alipay", "wechat_pay", "paypal"]);
      expect(await issueVoucher(sessionId, webhookServer.origin)).toEqual({ status: "not_offered" });
      expect(await orderOf(order.id)).toMatchObject({ status: "PENDING", paymentMethod: null });
    }
    expect([cheap.order.totalAmount, dear.order.totalAmount]).toEqual([80, 400_000]);
  });
});

describe("Konbini events replayed or out of order", () => {
  // Paid at once; the payment's event is not delivered yet.
  async function voucherPaid() {
    const recorded = await voucherRecorded({ phone: "22222222220" });
    await runQueuedJob(voucherJob(recorded.sessionId));
    return recorded;
  }

  it("fulfil once, with one eSIM, when async_payment_succeeded arrives twice, and 20 times at once", async () => {
    const { buyer, order, sessionId } = await voucherPaid();
    const succeeded = await signedSessionEvent("checkout.session.async_payment_succeeded", sessionId);
    const answers = await Promise.all([
      deliverEventsOf(sessionId),
      ...Array.from({ length: 10 }, () => postEvent(succeeded)),
      ...Array.from({ length: 10 }, async () =>
        postEvent(await signedSessionEvent("checkout.session.async_payment_succeeded", sessionId)),
      ),
    ]);
    expect(answers[0]).toEqual(delivered("checkout.session.async_payment_succeeded"));
    expect(answers.slice(1).map((answer) => (answer as { status: number }).status)).toEqual(Array(20).fill(200));
    expect(await postEvent(succeeded)).toEqual({ status: 200, result: "duplicate" });

    expect(await orderOf(order.id)).toMatchObject({ status: "FULFILLED" });
    expect(await profilesOf(order.id)).toHaveLength(1);
    expect(await emailsOf(buyer.id, "order-receipt")).toHaveLength(1);
  });

  it("keep a fulfilled order fulfilled when async_payment_failed comes after the payment", async () => {
    const { order, sessionId } = await voucherPaid();
    await deliverEventsOf(sessionId);
    expect(await postEvent(await signedSessionEvent("checkout.session.async_payment_failed", sessionId))).toEqual({
      status: 200,
      result: "handled",
    });
    expect(await orderOf(order.id)).toMatchObject({ status: "FULFILLED", failureReason: null });
    expect(await profilesOf(order.id)).toHaveLength(1);
  });

  it("keep a failed order failed, with nothing issued, when async_payment_succeeded comes after the expiry", async () => {
    const { buyer, order, sessionId } = await voucherRecorded({ phone: "33333333330" });
    await runQueuedJob(voucherJob(sessionId));
    await deliverEventsOf(sessionId);
    expect(await postEvent(await signedSessionEvent("checkout.session.async_payment_succeeded", sessionId))).toEqual({
      status: 200,
      result: "handled",
    });
    expect(await orderOf(order.id)).toMatchObject({ status: "FAILED", failureReason: "async_payment_failed" });
    expect(await profilesOf(order.id)).toHaveLength(0);
    expect(await emailsOf(buyer.id, "order-receipt")).toHaveLength(0);
  });

  it("change nothing and email no voucher again when checkout.session.completed comes after the payment", async () => {
    const { buyer, order, sessionId } = await voucherPaid();
    const [completed] = await db.localWebhookEvent.findMany({
      where: { sessionId, type: "checkout.session.completed" },
    });
    await deliverEventsOf(sessionId);
    // Stripe sends the voucher's event again (a resend keeps its unpaid snapshot).
    const resent = signedEvent({ ...(completed!.payload as object), id: "evt_resent_" + order.id });
    expect(await postEvent(resent)).toEqual({ status: 200, result: "handled" });
    expect(await orderOf(order.id)).toMatchObject({ status: "FULFILLED", paymentStatus: "paid", konbiniVoucher: null });
    expect(await emailsOf(buyer.id, "konbini-voucher")).toHaveLength(1);

    // The shop was down while the voucher's own event was tried; it hears of the payment first.
    const late = await openCheckout();
    await issueVoucher(late.sessionId, NO_WEBHOOK_RECEIVER, { phone: "22222222220" });
    const [lost] = await db.localWebhookEvent.findMany({ where: { sessionId: late.sessionId } });
    await db.localWebhookEvent.update({ where: { id: lost!.id }, data: { attempts: DELIVERY_SCHEDULE_MS.length - 1 } });
    expect(await deliverLocalEvent(lost!.id)).toEqual({ status: "given_up" });
    await runQueuedJob(voucherJob(late.sessionId));
    expect(await deliverEventsOf(late.sessionId)).toEqual(delivered("checkout.session.async_payment_succeeded"));
    expect(await postEvent(signedEvent(lost!.payload as object))).toEqual({ status: 200, result: "handled" });
    expect(await orderOf(late.order.id)).toMatchObject({ status: "FULFILLED", konbiniVoucher: null });
    expect(await emailsOf(late.buyer.id, "konbini-voucher")).toHaveLength(0);
    expect(await profilesOf(late.order.id)).toHaveLength(1);
  });
});

describe("reconciliation", () => {
  it("closes a Konbini order whose voucher expired and whose failure event was lost", async () => {
    const { order, sessionId, voucher, code } = await voucherRecorded({ phone: "33333333330" });
    await runQueuedJob(voucherJob(sessionId));
    // The failure event never reaches the shop.
    const [failed] = await db.localWebhookEvent.findMany({
      where: { sessionId, type: "checkout.session.async_payment_failed" },
    });
    await db.$executeRaw`SELECT FROM graphile_worker.remove_job(${`local-event:${failed!.id}`})`;
    await db.localWebhookEvent.update({ where: { id: failed!.id }, data: { gaveUpAt: new Date() } });
    expect(await orderOf(order.id)).toMatchObject({ status: "PENDING" });

    const afterDeadline = new Date(Date.parse(voucher.expiresAt) + KONBINI_PAYMENT_BUFFER_MS + 60 * 60_000);
    expect((await reconcileStaleOrders(afterDeadline)).closed).toBeGreaterThanOrEqual(1);
    expect(await orderOf(order.id)).toMatchObject({
      status: "FAILED",
      failureReason: "async_payment_failed",
      konbiniVoucher: null,
    });
    expect(await otherBuyerChecksOut(code)).toBe("opened");
  });
});
