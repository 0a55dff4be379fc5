import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { fulfilCheckout } from "../orders/fulfilment";
import { payLocalSession } from "../payments/local-checkout";
import {
  activeEsim,
  activeEsims,
  forgetCheckoutThrottle,
  newBuyer,
  paidWithoutDelivery,
  NO_WEBHOOK_RECEIVER,
  paidTopUpWithoutDelivery,
  SUCCEEDING_CARD,
} from "../testing/shop";
import { applyLifecycleEvent } from "../esim/profiles";
import { lapseEndedBalances } from "./expiry";
import { MB } from "./rules";
import { advanceClock } from "./simulator";
import { validityWindow } from "../esim/lifecycle";
import { balancesOfUser, esimBalance } from "./summary";
import { startTopUp } from "./topups";
import { recordUsage } from "./usage";

const GB = 1024n * MB;

async function buyTopUp(buyer: { id: string; email: string }, esimId: string) {
  return fulfilCheckout((await paidTopUpWithoutDelivery(buyer, esimId)).sessionId);
}

const usage = (esim: { id: string; userId: string }, recordId: string, dataBytes: bigint, voiceSeconds = 0) =>
  recordUsage({ esimId: esim.id, userId: esim.userId, recordId, dataBytes, voiceSeconds, source: "test" });

// The eSIM's running sums are what balances are read from; they must equal the ledger's.
async function expectRunningSumsMatchLedger(esimId: string) {
  const [sums] = await db.$queryRaw<
    { credited_bytes: bigint; debited_bytes: bigint; credited_voice: bigint; debited_voice: bigint }[]
  >`
    SELECT COALESCE(SUM("dataBytes") FILTER (WHERE kind = 'CREDIT'), 0)::bigint AS credited_bytes,
           COALESCE(-SUM("dataBytes") FILTER (WHERE kind <> 'CREDIT'), 0)::bigint AS debited_bytes,
           COALESCE(SUM("voiceSeconds") FILTER (WHERE kind = 'CREDIT'), 0)::bigint AS credited_voice,
           COALESCE(-SUM("voiceSeconds") FILTER (WHERE kind <> 'CREDIT'), 0)::bigint AS debited_voice
    FROM ledger_entries WHERE "esimId" = ${esimId}`;
  const { _sum } = await db.dataPackage.aggregate({ where: { esimId }, _sum: { days: true } });
  const profile = await db.esimProfile.findUniqueOrThrow({ where: { id: esimId } });
  expect({
    ledgerCreditedBytes: profile.ledgerCreditedBytes,
    ledgerDebitedBytes: profile.ledgerDebitedBytes,
    ledgerCreditedVoiceSeconds: BigInt(profile.ledgerCreditedVoiceSeconds),
    ledgerDebitedVoiceSeconds: BigInt(profile.ledgerDebitedVoiceSeconds),
    packageDays: profile.packageDays,
  }).toEqual({
    ledgerCreditedBytes: sums!.credited_bytes,
    ledgerDebitedBytes: sums!.debited_bytes,
    ledgerCreditedVoiceSeconds: sums!.credited_voice,
    ledgerDebitedVoiceSeconds: sums!.debited_voice,
    packageDays: _sum.days,
  });
}

describe("the balance ledger", () => {
  it("ends exactly right after 200 concurrent usage records and top-ups, with each alert once", async () => {
    const { buyer, esim } = await activeEsim("au-5gb-10d");
    const results = await Promise.all([
      ...Array.from({ length: 200 }, (_, i) => usage(esim, `burst-${i}`, 20n * MB, 3)),
      buyTopUp(buyer, esim.id),
      buyTopUp(buyer, esim.id),
    ]);
    expect(results.filter((r) => r.status === "recorded")).toHaveLength(200);

    const balance = await esimBalance(esim.id, buyer.id);
    // 5 GB plan + 2 × 1 GB top-ups, minus 200 × 20 MB; 60 minutes of calls minus 200 × 3 s.
    expect(balance).toMatchObject({ totalBytes: 7n * GB, usedBytes: 4000n * MB, remainingBytes: 7n * GB - 4000n * MB });
    expect(balance!.remainingVoiceSeconds).toBe(60 * 60 - 600);
    await expectRunningSumsMatchLedger(esim.id);

    // The plan's package is drawn first: 4000 of 5120 MB used, past 75 % only.
    const alerts = await db.balanceAlert.findMany({ where: { esimId: esim.id } });
    expect(alerts.map((a) => a.kind)).toEqual(["DATA_75"]);
    const emails = await db.outboxEmail.findMany({ where: { userId: buyer.id, template: "balance-alert" } });
    expect(emails).toHaveLength(1);
  });

  it("queues a burst for one eSIM in the process, leaving pool connections for everything else", async () => {
    const { buyer, esim } = await activeEsim("au-5gb-10d");
    const finished: string[] = [];
    const burst = Array.from({ length: 60 }, (_, i) =>
      usage(esim, `flood-${i}`, MB).then(() => finished.push(`record ${i}`)),
    );
    const meanwhile = db.user.findUniqueOrThrow({ where: { id: buyer.id } }).then(() => finished.push("page query"));
    await Promise.all([...burst, meanwhile]);
    // The page's query did not wait behind 60 transactions queued on one row lock.
    expect(finished.indexOf("page query")).toBeLessThan(finished.length - 1);
    expect((await esimBalance(esim.id, buyer.id))!.usedBytes).toBe(60n * MB);
  });

  it("counts a repeated record id once", async () => {
    const { buyer, esim } = await activeEsim();
    const results = await Promise.all(Array.from({ length: 10 }, () => usage(esim, "same-record", 100n * MB)));
    expect(results.filter((r) => r.status === "recorded")).toHaveLength(1);
    expect(results.filter((r) => r.status === "duplicate")).toHaveLength(9);
    expect((await esimBalance(esim.id, buyer.id))!.usedBytes).toBe(100n * MB);
  });

  it("reads each eSIM's latest record and today's data on that eSIM's own clock", async () => {
    const { buyer, esims } = await activeEsims("au-1gb-3d", 2);
    const [used, untouched] = esims as [(typeof esims)[number], (typeof esims)[number]];
    await usage(used, "today", 300n * MB);
    const byId = async () => new Map((await balancesOfUser(buyer.id)).map((balance) => [balance.id, balance]));

    const before = await byId();
    expect(before.get(used.id)).toMatchObject({ todayBytes: 300n * MB, usedBytes: 300n * MB });
    expect(before.get(used.id)!.asOf).toBeInstanceOf(Date);
    expect(before.get(untouched.id)).toMatchObject({ todayBytes: 0n, usedBytes: 0n, asOf: null });

    // A day later on the used eSIM's clock, its fair-use day starts again; the other's clock has not moved.
    await advanceClock(used.id, buyer.id, 24 * 60);
    const after = await byId();
    expect(after.get(used.id)).toMatchObject({ todayBytes: 0n, usedBytes: 300n * MB, asOf: before.get(used.id)!.asOf });
    expect(after.get(untouched.id)).toMatchObject({ todayBytes: 0n, asOf: null });
  });

  it("never debits more than is left, and says when the data is gone", async () => {
    const { buyer, esim } = await activeEsim("au-5gb-10d");
    await usage(esim, "big", 9n * GB);
    const balance = await esimBalance(esim.id, buyer.id);
    expect(balance).toMatchObject({ remainingBytes: 0n, status: "FINISHED" });
    const kinds = (await db.balanceAlert.findMany({ where: { esimId: esim.id } })).map((a) => a.kind).sort();
    expect(kinds).toEqual(["DATA_75", "DATA_90", "DATA_EXHAUSTED"]);
  });

  it("refuses usage for an eSIM not on the network, and someone else's", async () => {
    const { esim } = await activeEsim();
    const stranger = await newBuyer();
    expect(
      await recordUsage({
        esimId: esim.id,
        userId: stranger.id,
        recordId: "x",
        dataBytes: MB,
        voiceSeconds: 0,
        source: "test",
      }),
    ).toEqual({ status: "not_found" });
    await db.esimProfile.update({ where: { id: esim.id }, data: { state: "DISABLED" } });
    expect(await usage(esim, "while-off", MB)).toEqual({ status: "not_active", state: "DISABLED" });
    expect(await db.usageRecord.count({ where: { esimId: esim.id } })).toBe(0);
  });

  it("refuses usage after the end and lets what was left lapse", async () => {
    const { buyer, esim } = await activeEsim();
    const { validUntil } = await db.esimProfile.findUniqueOrThrow({ where: { id: esim.id } });
    const late = await recordUsage({
      esimId: esim.id,
      userId: buyer.id,
      recordId: "late",
      dataBytes: MB,
      voiceSeconds: 0,
      occurredAt: new Date(validUntil!.getTime() + 1000),
      source: "test",
    });
    expect(late).toEqual({ status: "expired", validUntil });
    const entries = await db.ledgerEntry.findMany({ where: { esimId: esim.id }, orderBy: { createdAt: "asc" } });
    expect(entries.map((e) => e.kind)).toEqual(["CREDIT", "EXPIRY"]);
    expect(entries[0]!.dataBytes + entries[1]!.dataBytes).toBe(0n);
    await expectRunningSumsMatchLedger(esim.id);
  });
});

describe("expiry warnings", () => {
  it("come 3 days and 1 day before the end, once each", async () => {
    const { buyer, esim } = await activeEsim("au-1gb-3d");
    await usage(esim, "first", MB);
    const kinds = async () =>
      (await db.balanceAlert.findMany({ where: { esimId: esim.id } })).map((a) => a.kind).sort();
    expect(await kinds()).toEqual(["EXPIRES_3_DAYS"]);

    await advanceClock(esim.id, buyer.id, 2 * 24 * 60);
    await usage(esim, "second", MB);
    await advanceClock(esim.id, buyer.id, 60);
    expect(await kinds()).toEqual(["EXPIRES_1_DAY", "EXPIRES_3_DAYS"]);
    expect(await db.outboxEmail.count({ where: { userId: buyer.id, template: "balance-alert" } })).toBe(2);
  });
});

describe("top-ups", () => {
  it("credit the pack's data and days once, after the current end", async () => {
    const { buyer, esim } = await activeEsim();
    const before = await db.esimProfile.findUniqueOrThrow({ where: { id: esim.id } });
    expect(await buyTopUp(buyer, esim.id)).toEqual({ status: "fulfilled" });
    const after = await db.esimProfile.findUniqueOrThrow({ where: { id: esim.id } });
    expect(after.validUntil!.getTime() - before.validUntil!.getTime()).toBe(7 * 86_400_000);
    expect((await esimBalance(esim.id, buyer.id))!.totalBytes).toBe(2n * GB);
  });

  it("are only for the eSIM's own carrier and within the grace window", async () => {
    const { buyer, esim } = await activeEsim();
    expect(await startTopUp(buyer, esim.id, "docomo-topup-1gb-7d", { locale: "en" })).toEqual({
      status: "wrong_carrier",
    });
    await db.esimProfile.update({
      where: { id: esim.id },
      data: { validUntil: new Date(Date.now() - 8 * 86_400_000) },
    });
    expect(await startTopUp(buyer, esim.id, "au-topup-1gb-7d", { locale: "en" })).toMatchObject({ status: "closed" });
    const stranger = await newBuyer();
    expect(await startTopUp(stranger, esim.id, "au-topup-1gb-7d", { locale: "en" })).toEqual({ status: "not_found" });
  });

  it("are refused at fulfilment for someone else's eSIM, even with a paid session", async () => {
    const { buyer, esim } = await activeEsim();
    const attacker = await newBuyer();
    // A top-up the attacker started for their own eSIM, then pointed at the victim's.
    const { esim: own } = await activeEsim();
    await db.esimProfile.update({ where: { id: own.id }, data: { userId: attacker.id } });
    const started = await startTopUp(attacker, own.id, "au-topup-1gb-7d", { locale: "en" });
    if (started.status !== "opened") throw new Error(started.status);
    await db.order.update({ where: { id: started.orderId }, data: { esimId: esim.id } });
    const order = await db.order.findUniqueOrThrow({ where: { id: started.orderId } });
    await payLocalSession(order.paymentSessionId!, SUCCEEDING_CARD, NO_WEBHOOK_RECEIVER);

    expect(await fulfilCheckout(order.paymentSessionId!)).toEqual({ status: "refunded" });
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      status: "REFUNDED",
      failureReason: "topup_not_owner",
    });
    expect((await esimBalance(esim.id, buyer.id))!.totalBytes).toBe(GB);
  });

  it.each([2, 20])("paid at the same moment, %i of them each add their days and data", async (count) => {
    const { buyer, esim } = await activeEsim();
    const before = await db.esimProfile.findUniqueOrThrow({ where: { id: esim.id } });
    const sessions: string[] = [];
    for (let i = 0; i < count; i++) {
      // More checkouts than a person may open in ten minutes: the throttle is not under test.
      await forgetCheckoutThrottle(buyer.id);
      sessions.push((await paidTopUpWithoutDelivery(buyer, esim.id)).sessionId);
    }

    const outcomes = await Promise.all(sessions.map((sessionId) => fulfilCheckout(sessionId)));
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(count);
    const after = await db.esimProfile.findUniqueOrThrow({ where: { id: esim.id } });
    expect(after.validUntil!.getTime() - before.validUntil!.getTime()).toBe(count * 7 * 86_400_000);
    expect((await esimBalance(esim.id, buyer.id))!.totalBytes).toBe(GB + BigInt(count) * GB);
    await expectRunningSumsMatchLedger(esim.id);
  });

  it("paid while the eSIM is first enabled, add their days to the validity that starts", async () => {
    const { buyer, order, sessionId } = await paidWithoutDelivery({ planSlug: "au-1gb-3d", quantity: 1 });
    await fulfilCheckout(sessionId);
    const esim = await db.esimProfile.findFirstOrThrow({ where: { orderId: order.id } });
    for (const event of ["download", "install"] as const) await applyLifecycleEvent(esim.id, buyer.id, event, "test");
    const topUp = await paidTopUpWithoutDelivery(buyer, esim.id);

    const enabledAt = new Date();
    await Promise.all([
      applyLifecycleEvent(esim.id, buyer.id, "enable", "test", { now: enabledAt }),
      fulfilCheckout(topUp.sessionId),
    ]);
    const { validUntil } = await db.esimProfile.findUniqueOrThrow({ where: { id: esim.id } });
    // 3 days of the plan and 7 of the top-up, from the day of first use (day 1).
    expect(validUntil).toEqual(validityWindow(enabledAt, 10).validUntil);
  });

  it("bought in the grace window after an end with data left credit only the new pack", async () => {
    const { buyer, esim } = await activeEsim();
    await usage(esim, "before-the-end", 100n * MB);
    // The end passed a day ago, and nothing has lapsed the 924 MB left yet.
    await db.esimProfile.update({ where: { id: esim.id }, data: { validUntil: new Date(Date.now() - 86_400_000) } });

    expect(await buyTopUp(buyer, esim.id)).toEqual({ status: "fulfilled" });
    const balance = await esimBalance(esim.id, buyer.id);
    expect(balance).toMatchObject({ remainingBytes: GB });
    const expiries = await db.ledgerEntry.findMany({ where: { esimId: esim.id, kind: "EXPIRY" } });
    expect(expiries.map((entry) => entry.dataBytes)).toEqual([-(GB - 100n * MB)]);
    await expectRunningSumsMatchLedger(esim.id);
  });
});

describe("the end of validity", () => {
  it("lapses what was left without waiting for the next usage record, once", async () => {
    const { buyer, esim } = await activeEsim();
    await db.esimProfile.update({ where: { id: esim.id }, data: { validUntil: new Date(Date.now() - 60_000) } });

    expect(await lapseEndedBalances()).toBeGreaterThanOrEqual(1);
    expect(await esimBalance(esim.id, buyer.id)).toMatchObject({ remainingBytes: 0n, remainingVoiceSeconds: 0 });
    await lapseEndedBalances();
    expect(await db.ledgerEntry.count({ where: { esimId: esim.id, kind: "EXPIRY" } })).toBe(1);
    await expectRunningSumsMatchLedger(esim.id);
  });

  it("comes on the simulator's clock the same way", async () => {
    const { buyer, esim } = await activeEsim("au-1gb-3d");
    await advanceClock(esim.id, buyer.id, 4 * 24 * 60);
    expect(await esimBalance(esim.id, buyer.id)).toMatchObject({ remainingBytes: 0n });
    expect(await db.ledgerEntry.count({ where: { esimId: esim.id, kind: "EXPIRY" } })).toBe(1);
  });
});
