import { describe, expect, it, vi } from "vitest";
import { MB } from "../balance/rules";
import { balancesOfUser, esimBalance } from "../balance/summary";
import { db } from "../db/client";
import { applyLifecycleEvent } from "../esim/profiles";
import { fulfilCheckout } from "../orders/fulfilment";
import { issueJobKey, issueRetryDelayMs } from "../orders/deferred-issue";
import { ordersPreparingEsims } from "../orders/preparing";
import { activeEsim, paidWithoutDelivery, queuedJob, runQueuedJob } from "../testing/shop";
import { env } from "../env";
import { recordsIn, RECORD_SLOT_MS } from "./split";
import { startScenario } from "./start";
import { scenarioJobKey } from "./usage-stream";

const world = vi.hoisted(() => ({ production: false }));
vi.mock("../balance/simulator", async (original) => ({
  ...(await original<typeof import("../balance/simulator")>()),
  simulatorAvailable: () => !world.production,
}));

const SCALE = env().SANDBOX_TIME_SCALE;
const recordsOf = (esimId: string) => db.usageRecord.findMany({ where: { esimId }, orderBy: { occurredAt: "asc" } });
const started = async (...args: Parameters<typeof startScenario>) => {
  const result = await startScenario(...args);
  if (result.status !== "started") throw new Error(`scenario refused: ${result.status}`);
  return result;
};

describe("usage stream", () => {
  it("delivers X MB over Y hours as one record per 15-minute slot, each due at its slot's end", async () => {
    const { buyer, esim } = await activeEsim();
    const stream = await started(esim.id, buyer.id, { type: "usage_stream", mb: 301, hours: 2 });
    expect(stream.records).toBe(8);
    expect(stream.endsAt.getTime() - stream.startedAt.getTime()).toBe((2 * 3_600_000) / SCALE);

    for (let step = 1; step <= 8; step += 1) {
      const job = await runQueuedJob(scenarioJobKey(stream.id));
      expect(job.runAt.getTime()).toBe(stream.startedAt.getTime() + (step * RECORD_SLOT_MS) / SCALE);
    }
    expect(await queuedJob(scenarioJobKey(stream.id))).toBeNull();
    const records = await recordsOf(esim.id);
    expect(records).toHaveLength(8);
    expect(records.reduce((sum, record) => sum + record.dataBytes, 0n)).toBe(301n * MB);
    const balance = await esimBalance(esim.id, buyer.id);
    expect(balance?.remainingBytes).toBe(1024n * MB - 301n * MB);
  });

  it("counts a step the queue runs twice once, and stops when the phone leaves the network", async () => {
    const { buyer, esim } = await activeEsim();
    const stream = await started(esim.id, buyer.id, { type: "usage_stream", mb: 40, hours: 1 });
    const first = await queuedJob(scenarioJobKey(stream.id));
    await runQueuedJob(scenarioJobKey(stream.id));
    // The same step again, as after a crash before its job was marked done.
    const { taskList } = await import("../jobs/tasks");
    await taskList["scenario-usage-stream"](first!.payload, {} as never);
    expect(await recordsOf(esim.id)).toHaveLength(1);

    await applyLifecycleEvent(esim.id, buyer.id, "disable", "test");
    await runQueuedJob(scenarioJobKey(stream.id));
    expect(await queuedJob(scenarioJobKey(stream.id))).toBeNull();
    expect(await recordsOf(esim.id)).toHaveLength(1);
  });
});

describe("dead zone", () => {
  it("sends nothing for a while, then a late batch: the balance's as-of lags, then catches up", async () => {
    const { buyer, esim } = await activeEsim();
    await startScenario(esim.id, buyer.id, { type: "usage_stream", mb: 10, hours: 1 });
    const before = await db.usageRecord.create({
      data: { esimId: esim.id, recordId: "before-zone", dataBytes: 0n, occurredAt: new Date(), source: "test" },
    });
    const zone = await started(esim.id, buyer.id, { type: "dead_zone", mb: 120, minutes: 60 });
    expect(zone.records).toBe(recordsIn(60 * 60_000));
    const job = await queuedJob(scenarioJobKey(zone.id));
    expect(job?.runAt.getTime()).toBe(zone.startedAt.getTime() + 3_600_000 / SCALE);

    // Inside the zone: no records arrive, and "as of" stays at the last one received.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const silent = await esimBalance(esim.id, buyer.id);
    expect(silent?.asOf).toEqual(before.receivedAt);
    expect(silent!.now.getTime() - silent!.asOf!.getTime()).toBeGreaterThan(0);

    await runQueuedJob(scenarioJobKey(zone.id));
    const late = (await recordsOf(esim.id)).filter((record) => record.source === "scenario:dead_zone");
    expect(late).toHaveLength(4);
    expect(late.reduce((sum, record) => sum + record.dataBytes, 0n)).toBe(120n * MB);
    // Dated across the silent span, all received at the end of it.
    expect(late[0]!.occurredAt.getTime()).toBeGreaterThan(zone.startedAt.getTime());
    for (const record of late) expect(record.occurredAt.getTime()).toBeLessThanOrEqual(record.receivedAt.getTime());
    const caughtUp = await esimBalance(esim.id, buyer.id);
    expect(caughtUp!.asOf!.getTime()).toBeGreaterThanOrEqual(late.at(-1)!.receivedAt.getTime());
    expect(caughtUp!.asOf!.getTime()).toBeGreaterThan(before.receivedAt.getTime());
  });
});

describe("SM-DP+ outage", () => {
  it("leaves a paid order preparing, retries on the queue, and issues its eSIM once after the outage", async () => {
    const { buyer, esim } = await activeEsim();
    const outage = await started(esim.id, buyer.id, { type: "smdp_outage", minutes: 30 });
    expect(outage.endsAt.getTime() - outage.startedAt.getTime()).toBe((30 * 60_000) / SCALE);

    // The same buyer pays for a second au eSIM during the outage.
    const { order, sessionId } = await paidWithoutDelivery({ planSlug: "au-1gb-3d" });
    await db.order.update({ where: { id: order.id }, data: { userId: buyer.id } });
    expect(await fulfilCheckout(sessionId)).toEqual({ status: "issue_pending" });
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "PAID" });
    expect(await db.esimProfile.count({ where: { orderId: order.id } })).toBe(0);
    expect(await ordersPreparingEsims(buyer.id)).toEqual([expect.objectContaining({ id: order.id })]);
    // A replayed webhook changes nothing.
    expect(await fulfilCheckout(sessionId)).toEqual({ status: "already_done" });

    // Still out: the job backs off, doubling.
    const first = await runQueuedJob(issueJobKey(order.id));
    expect(first.payload).toEqual({ orderId: order.id, attempt: 0 });
    const retry = await queuedJob(issueJobKey(order.id));
    expect(retry?.payload).toEqual({ orderId: order.id, attempt: 1 });
    expect(issueRetryDelayMs(1)).toBe(2 * issueRetryDelayMs(0));
    expect(await db.esimProfile.count({ where: { orderId: order.id } })).toBe(0);

    // Downloads fail too, and the profile stays released.
    const released = await db.esimProfile.create({
      data: { ...(await releasedCopyOf(esim.id)), userId: buyer.id },
    });
    expect(await applyLifecycleEvent(released.id, buyer.id, "download", "test")).toEqual({
      status: "smdp_unavailable",
    });

    // The outage ends; the next attempt issues the eSIM, once.
    await db.smdpOutage.update({ where: { id: outage.id }, data: { endsAt: new Date() } });
    await runQueuedJob(issueJobKey(order.id));
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "FULFILLED" });
    expect(await db.esimProfile.count({ where: { orderId: order.id } })).toBe(1);
    expect(await queuedJob(issueJobKey(order.id))).toBeNull();
    expect(await ordersPreparingEsims(buyer.id)).toEqual([]);
    const { issueWhenSmdpAnswers } = await import("../orders/deferred-issue");
    expect(await issueWhenSmdpAnswers(order.id, 5)).toEqual({ status: "already_done" });
    expect(await db.esimProfile.count({ where: { orderId: order.id } })).toBe(1);
    expect((await applyLifecycleEvent(released.id, buyer.id, "download", "test")).status).toBe("ok");
  });

  it("reaches only the account and carrier it was started for", async () => {
    const { buyer, esim } = await activeEsim();
    await started(esim.id, buyer.id, { type: "smdp_outage", minutes: 30 });
    const { sessionId } = await paidWithoutDelivery({ planSlug: "au-1gb-3d" });
    expect(await fulfilCheckout(sessionId)).toEqual({ status: "fulfilled" });
  });
});

// A second profile of the same plan for the buyer, just released, as the SM-DP+ left it.
async function releasedCopyOf(esimId: string) {
  const {
    id: _id,
    iccid,
    matchingId,
    createdAt: _c,
    updatedAt: _u,
    ...rest
  } = await db.esimProfile.findUniqueOrThrow({ where: { id: esimId } });
  const suffix = Date.now().toString().slice(-6);
  return {
    ...rest,
    sequence: rest.sequence + 100 + Math.floor(Math.random() * 1000),
    iccid: `${iccid.slice(0, -7)}${suffix}0`.slice(0, iccid.length),
    matchingId: `${matchingId.slice(0, -6)}${suffix}`,
    state: "RELEASED" as const,
    eid: null,
    validFrom: null,
    validUntil: null,
    activationTokenHash: null,
  };
}

describe("profile deleted on the phone", () => {
  it("moves the profile by the state table: off the dashboard, shown deleted on its page", async () => {
    const { buyer, esim } = await activeEsim();
    const deleted = await started(esim.id, buyer.id, { type: "profile_deleted" });
    expect(deleted.state).toBe("DELETED");
    const events = await db.esimEvent.findMany({ where: { esimId: esim.id }, orderBy: { createdAt: "desc" }, take: 1 });
    expect(events[0]).toMatchObject({ fromState: "ENABLED", toState: "DELETED", source: "phone" });
    // The dashboard lists the eSIMs on a phone; the eSIM's own page keeps it, deleted.
    expect((await balancesOfUser(buyer.id)).map((balance) => balance.id)).not.toContain(esim.id);
    expect(await esimBalance(esim.id, buyer.id)).toMatchObject({ state: "DELETED", status: "EXPIRED" });

    expect(await startScenario(esim.id, buyer.id, { type: "profile_deleted" })).toEqual({
      status: "invalid_transition",
      state: "DELETED",
    });
    expect(await startScenario(esim.id, buyer.id, { type: "usage_stream", mb: 1, hours: 1 })).toEqual({
      status: "not_active",
      state: "DELETED",
    });
  });
});

describe("who and where", () => {
  it("finds nothing on another account's eSIM, and changes nothing", async () => {
    const { esim } = await activeEsim();
    const { buyer: stranger } = await activeEsim();
    for (const scenario of [
      { type: "usage_stream", mb: 1, hours: 1 },
      { type: "dead_zone", mb: 1, minutes: 5 },
      { type: "smdp_outage", minutes: 1 },
      { type: "profile_deleted" },
    ] as const) {
      expect(await startScenario(esim.id, stranger.id, scenario)).toEqual({ status: "not_found" });
    }
    expect(await db.esimProfile.findUniqueOrThrow({ where: { id: esim.id } })).toMatchObject({ state: "ENABLED" });
    expect(await db.smdpOutage.count({ where: { userId: stranger.id } })).toBe(0);
  });

  it("is refused in production", async () => {
    const { buyer, esim } = await activeEsim();
    world.production = true;
    try {
      expect(await startScenario(esim.id, buyer.id, { type: "profile_deleted" })).toEqual({ status: "unavailable" });
      expect(await startScenario(esim.id, buyer.id, { type: "smdp_outage", minutes: 5 })).toEqual({
        status: "unavailable",
      });
    } finally {
      world.production = false;
    }
    expect(await db.esimProfile.findUniqueOrThrow({ where: { id: esim.id } })).toMatchObject({ state: "ENABLED" });
    expect(await db.smdpOutage.count({ where: { userId: buyer.id } })).toBe(0);
  });
});
