import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { db } from "../db/client";
import { activeEsim, newBuyer, paidTopUpWithoutDelivery, queuedJob, runQueuedJob } from "../testing/shop";
import { headerRecord, startReceiver } from "../testing/webhook-receiver";
import { advanceClock, simulateUsage } from "../balance/simulator";
import { fulfilCheckout } from "../orders/fulfilment";
import { MB } from "../balance/rules";
import { deliverWebhook } from "./deliver";
import { deliveryJobKey } from "./emit";
import { createEndpoint, rotateSecret } from "./endpoints";
import { deliveriesOf, replayFailedSince, resendDelivery, sendTestEvent } from "./delivery-log";
import { envelopeSchema, eventDataSchemas, VERIFICATION_EVENT_TYPE, WEBHOOK_EVENT_TYPES } from "./event-types";
import { announceExpiredEsims } from "./expired-sweep";
import { FAILING_DISABLES_AFTER_MS, RETRY_SCHEDULE_MS } from "./schedule";

let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());

async function endpointFor(userId: string, url = receiver.url, eventTypes: string[] = [...WEBHOOK_EVENT_TYPES]) {
  const created = await createEndpoint(userId, { url, eventTypes, description: "tests" });
  if (created.status !== "created") throw new Error(`endpoint not created: ${JSON.stringify(created)}`);
  return created;
}

const lastReceived = () => receiver.received.at(-1)!;
const deliveryOf = (id: string) =>
  db.webhookDelivery.findUniqueOrThrow({ where: { id }, include: { attemptLog: true } });

describe("saving an endpoint", () => {
  it("sends a signed verification request and keeps the endpoint only on 2xx", async () => {
    const buyer = await newBuyer();
    const { secret } = await endpointFor(buyer.id);
    expect(secret).toMatch(/^whsec_/);
    const verification = lastReceived();
    const payload = new Webhook(secret).verify(verification.body, headerRecord(verification.headers));
    expect(payload).toMatchObject({ type: VERIFICATION_EVENT_TYPE, data: { url: receiver.url } });

    receiver.answer({ status: 500 });
    const refused = await createEndpoint(buyer.id, {
      url: receiver.url,
      eventTypes: ["esim.expired"],
      description: "",
    });
    receiver.answer({ status: 200 });
    expect(refused).toMatchObject({ status: "verification_failed", httpStatus: 500 });
    expect(await db.webhookEndpoint.count({ where: { userId: buyer.id } })).toBe(1);
  });
});

describe("a delivery", () => {
  it("is signed with the endpoint's secret by the standardwebhooks package, and with both secrets while a rotation overlaps", async () => {
    const buyer = await newBuyer();
    const { endpoint, secret } = await endpointFor(buyer.id);
    const sent = await sendTestEvent(buyer.id, endpoint.id, "esim.usage_threshold");
    await runQueuedJob(deliveryJobKey(sent.status === "sent" ? sent.deliveryId : ""));
    const first = lastReceived();
    const body = new Webhook(secret).verify(first.body, headerRecord(first.headers));
    expect(envelopeSchema("esim.usage_threshold", eventDataSchemas["esim.usage_threshold"]).parse(body)).toBeTruthy();
    expect(first.headers["webhook-id"]).toMatch(/^msg_/);

    const rotated = await rotateSecret(buyer.id, endpoint.id);
    if (rotated.status !== "rotated") throw new Error("not rotated");
    const again = await sendTestEvent(buyer.id, endpoint.id, "order.fulfilled");
    await runQueuedJob(deliveryJobKey(again.status === "sent" ? again.deliveryId : ""));
    const during = lastReceived();
    expect(String(during.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    for (const key of [secret, rotated.secret])
      expect(new Webhook(key).verify(during.body, headerRecord(during.headers))).toMatchObject({
        type: "order.fulfilled",
      });
    expect(() =>
      new Webhook(`whsec_${Buffer.alloc(24, 1).toString("base64")}`).verify(during.body, headerRecord(during.headers)),
    ).toThrow();

    // Once the overlap is over, only the new secret signs.
    await db.webhookEndpoint.update({
      where: { id: endpoint.id },
      data: { previousSecretExpiresAt: new Date(Date.now() - 1) },
    });
    const after = await sendTestEvent(buyer.id, endpoint.id, "order.fulfilled");
    await runQueuedJob(deliveryJobKey(after.status === "sent" ? after.deliveryId : ""));
    const last = lastReceived();
    expect(new Webhook(rotated.secret).verify(last.body, headerRecord(last.headers))).toBeTruthy();
    expect(() => new Webhook(secret).verify(last.body, headerRecord(last.headers))).toThrow();
  });

  it("retries on the Standard Webhooks schedule, honours Retry-After, and sends once per attempt", async () => {
    const buyer = await newBuyer();
    const { endpoint } = await endpointFor(buyer.id);
    const sent = await sendTestEvent(buyer.id, endpoint.id, "esim.expired");
    if (sent.status !== "sent") throw new Error("not sent");
    receiver.answer({ status: 503 }, { status: 429, headers: { "retry-after": "3600" } }, { status: 200 });
    const before = receiver.received.length;

    const started = Date.now();
    expect(await deliverWebhook(sent.deliveryId, 1)).toEqual({ status: "retrying" });
    // A job that runs again for the same attempt sends nothing more.
    expect(await deliverWebhook(sent.deliveryId, 1)).toEqual({ status: "done_before" });
    expect(receiver.received.length).toBe(before + 1);
    const second = await queuedJob(deliveryJobKey(sent.deliveryId));
    expect(second!.payload).toEqual({ deliveryId: sent.deliveryId, attempt: 2 });
    expect(second!.runAt.getTime() - started).toBeGreaterThanOrEqual(RETRY_SCHEDULE_MS[1]! - 50);
    expect(second!.runAt.getTime() - started).toBeLessThan(RETRY_SCHEDULE_MS[1]! + 2_000);

    expect(await deliverWebhook(sent.deliveryId, 2)).toEqual({ status: "retrying" });
    const third = await queuedJob(deliveryJobKey(sent.deliveryId));
    // Retry-After asked for an hour, longer than the schedule's 5 minutes.
    expect(third!.runAt.getTime() - Date.now()).toBeGreaterThan(3_500_000);

    expect(await deliverWebhook(sent.deliveryId, 3)).toEqual({ status: "succeeded" });
    const delivery = await deliveryOf(sent.deliveryId);
    expect(delivery).toMatchObject({ status: "SUCCEEDED", attempts: 3 });
    expect(delivery.attemptLog.map((attempt) => attempt.httpStatus).sort()).toEqual([200, 429, 503]);
    expect(await queuedJob(deliveryJobKey(sent.deliveryId))).toBeNull();
    // The same message id on every attempt: the receiver's idempotency key.
    expect(new Set(receiver.received.slice(before).map((request) => request.headers["webhook-id"])).size).toBe(1);
  });

  it("gives up after the tenth attempt", async () => {
    const buyer = await newBuyer();
    const { endpoint } = await endpointFor(buyer.id);
    const sent = await sendTestEvent(buyer.id, endpoint.id, "esim.expired");
    if (sent.status !== "sent") throw new Error("not sent");
    receiver.answer({ status: 500 });
    for (let attempt = 1; attempt < RETRY_SCHEDULE_MS.length; attempt++)
      expect(await deliverWebhook(sent.deliveryId, attempt)).toEqual({ status: "retrying" });
    expect(await deliverWebhook(sent.deliveryId, RETRY_SCHEDULE_MS.length)).toEqual({ status: "given_up" });
    receiver.answer({ status: 200 });
    expect(await deliveryOf(sent.deliveryId)).toMatchObject({ status: "FAILED", attempts: 10 });
    expect(await queuedJob(deliveryJobKey(sent.deliveryId))).toBeNull();

    // Replayed once the receiver is back, it arrives.
    expect(await replayFailedSince(buyer.id, endpoint.id, new Date(Date.now() - 60_000))).toEqual({
      status: "replayed",
      count: 1,
    });
    await runQueuedJob(deliveryJobKey(sent.deliveryId));
    expect(await deliveryOf(sent.deliveryId)).toMatchObject({ status: "SUCCEEDED", attempts: 11 });
  });

  it("disables the endpoint on 410 Gone", async () => {
    const buyer = await newBuyer();
    const { endpoint } = await endpointFor(buyer.id);
    const sent = await sendTestEvent(buyer.id, endpoint.id, "esim.expired");
    if (sent.status !== "sent") throw new Error("not sent");
    receiver.answer({ status: 410 });
    expect(await deliverWebhook(sent.deliveryId, 1)).toEqual({ status: "endpoint_disabled" });
    receiver.answer({ status: 200 });
    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).toMatchObject({
      disabledReason: "gone",
      disabledAt: expect.any(Date),
    });
    expect(await deliveryOf(sent.deliveryId)).toMatchObject({ status: "FAILED" });
    expect(await resendDelivery(buyer.id, sent.deliveryId)).toEqual({ status: "endpoint_disabled" });
  });

  it("disables an endpoint failing for five days and emails its owner", async () => {
    const buyer = await newBuyer();
    const { endpoint } = await endpointFor(buyer.id);
    await db.webhookEndpoint.update({
      where: { id: endpoint.id },
      data: { failingSince: new Date(Date.now() - FAILING_DISABLES_AFTER_MS - 60_000) },
    });
    const sent = await sendTestEvent(buyer.id, endpoint.id, "esim.expired");
    if (sent.status !== "sent") throw new Error("not sent");
    receiver.answer({ status: 502 });
    expect(await deliverWebhook(sent.deliveryId, 1)).toEqual({ status: "endpoint_disabled" });
    receiver.answer({ status: 200 });
    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).toMatchObject({
      disabledReason: "failing",
    });
    const emails = await db.outboxEmail.findMany({
      where: { userId: buyer.id, template: "webhook-endpoint-disabled" },
    });
    expect(emails).toHaveLength(1);
    expect(emails[0]!.payload).toMatchObject({ url: receiver.url, reason: "failing" });
  });

  it("is refused, not sent, when the address is not allowed at delivery time", async () => {
    const buyer = await newBuyer();
    const { endpoint } = await endpointFor(buyer.id);
    await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { url: "http://10.0.0.1/hooks" } });
    const sent = await sendTestEvent(buyer.id, endpoint.id, "esim.expired");
    if (sent.status !== "sent") throw new Error("not sent");
    expect(await deliverWebhook(sent.deliveryId, 1)).toEqual({ status: "retrying" });
    const delivery = await deliveryOf(sent.deliveryId);
    expect(delivery.attemptLog[0]).toMatchObject({ httpStatus: null, responseExcerpt: "refused: private_address" });
  });
});

describe("events from the shop", () => {
  it("a loopback receiver gets esim.usage_threshold at 75 % after simulated usage, and the log shows it", async () => {
    const { buyer, esim } = await activeEsim("au-1gb-3d");
    const { endpoint, secret } = await endpointFor(buyer.id, receiver.url, ["esim.usage_threshold"]);
    expect(await simulateUsage(esim.id, buyer.id, { dataBytes: 800n * MB, voiceSeconds: 0 })).toMatchObject({
      status: "recorded",
    });
    const [delivery] = (await deliveriesOf(buyer.id, endpoint.id))!;
    expect(delivery!.event.type).toBe("esim.usage_threshold");
    await runQueuedJob(deliveryJobKey(delivery!.id));

    const request = lastReceived();
    const payload = new Webhook(secret).verify(request.body, headerRecord(request.headers));
    expect(payload).toMatchObject({
      type: "esim.usage_threshold",
      data: { iccid: esim.iccid, level: "75%", usage: { iccid: esim.iccid, remaining: 224 * Number(MB) } },
    });
    const [logged] = (await deliveriesOf(buyer.id, endpoint.id))!;
    expect(logged).toMatchObject({ status: "SUCCEEDED", attemptLog: [{ number: 1, httpStatus: 200 }] });
  });

  it("an endpoint answering 500 gets the event once it recovers", async () => {
    const { buyer, esim } = await activeEsim("au-1gb-3d");
    const { endpoint, secret } = await endpointFor(buyer.id, receiver.url, ["esim.suspended"]);
    receiver.answer({ status: 500 }, { status: 200 });
    const { applyLifecycleEvent } = await import("../esim/profiles");
    expect((await applyLifecycleEvent(esim.id, buyer.id, "disable", "test")).status).toBe("ok");
    const [delivery] = (await deliveriesOf(buyer.id, endpoint.id))!;
    await runQueuedJob(deliveryJobKey(delivery!.id));
    expect((await deliveryOf(delivery!.id)).status).toBe("PENDING");
    await runQueuedJob(deliveryJobKey(delivery!.id));
    const request = lastReceived();
    expect(new Webhook(secret).verify(request.body, headerRecord(request.headers))).toMatchObject({
      type: "esim.suspended",
      data: { iccid: esim.iccid, usage: { profile_state: "disabled" } },
    });
    const [logged] = (await deliveriesOf(buyer.id, endpoint.id))!;
    expect(logged!.attemptLog.map((attempt) => attempt.httpStatus)).toEqual([500, 200]);
  });

  it("a top-up announces order.fulfilled and topup.applied, payloads as the schemas say", async () => {
    const { buyer, esim } = await activeEsim("au-1gb-3d");
    const { endpoint } = await endpointFor(buyer.id, receiver.url, ["order.fulfilled", "topup.applied"]);
    const { sessionId, order } = await paidTopUpWithoutDelivery(buyer, esim.id);
    expect(await fulfilCheckout(sessionId)).toEqual({ status: "fulfilled" });
    const events = await db.webhookEvent.findMany({ where: { userId: buyer.id }, orderBy: { type: "asc" } });
    expect(events.map((event) => event.type)).toEqual(["order.fulfilled", "topup.applied"]);
    for (const event of events) {
      const type = event.type as "order.fulfilled" | "topup.applied";
      expect(envelopeSchema(type, eventDataSchemas[type]).strict().parse(event.payload)).toEqual(event.payload);
    }
    expect(events[0]!.payload).toMatchObject({
      data: { order: { id: order.id, kind: "topup", status: "fulfilled", iccids: [esim.iccid] } },
    });
    expect(events[1]!.payload).toMatchObject({ data: { iccid: esim.iccid, topup: { id: "au-topup-1gb-7d" } } });
    expect(await db.webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(2);
  });

  it("announces esim.expired once per end of validity, however many times it is noticed", async () => {
    const { buyer, esim } = await activeEsim("au-1gb-3d");
    await endpointFor(buyer.id, receiver.url, ["esim.expired"]);
    await advanceClock(esim.id, buyer.id, 4 * 24 * 60);
    await advanceClock(esim.id, buyer.id, 60);
    await announceExpiredEsims();
    const events = await db.webhookEvent.findMany({ where: { userId: buyer.id, type: "esim.expired" } });
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toMatchObject({ data: { iccid: esim.iccid, usage: { status: "EXPIRED" } } });
  });

  it("the sweep announces the end of an eSIM with nothing left to lapse", async () => {
    const { buyer, esim } = await activeEsim("au-1gb-3d");
    await endpointFor(buyer.id, receiver.url, ["esim.expired"]);
    // Its clock moved past the end without the simulator noticing (as real time passes).
    const { validUntil } = await db.esimProfile.findUniqueOrThrow({ where: { id: esim.id } });
    const minutes = Math.ceil((validUntil!.getTime() - Date.now()) / 60_000) + 5;
    await db.esimProfile.update({ where: { id: esim.id }, data: { clockOffsetMinutes: minutes } });
    await announceExpiredEsims();
    await announceExpiredEsims();
    expect(await db.webhookEvent.count({ where: { userId: buyer.id, type: "esim.expired" } })).toBe(1);
  });

  it("writes nothing for an account without endpoints", async () => {
    const { buyer, esim } = await activeEsim("au-1gb-3d");
    await simulateUsage(esim.id, buyer.id, { dataBytes: 1000n * MB, voiceSeconds: 0 });
    expect(await db.webhookEvent.count({ where: { userId: buyer.id } })).toBe(0);
  });
});
