import { describe, expect, it } from "vitest";
import { MB, topUpWindow } from "../../lib/balance/rules";
import { esimBalance } from "../../lib/balance/summary";
import { db } from "../../lib/db/client";
import { activeEsim } from "../../lib/testing/shop";
import { endOfJstDay, jstDate, startOfJstDay } from "../../lib/time/jst";
import { seedDemoAccount } from "./account";

const DAY = 86_400_000;

function history(userId: string) {
  return db.esimProfile.findMany({
    where: { userId },
    orderBy: [{ createdAt: "asc" }, { sequence: "asc" }],
    include: {
      plan: true,
      events: { orderBy: { createdAt: "asc" } },
      packages: { orderBy: { createdAt: "asc" } },
      usageRecords: { orderBy: { occurredAt: "asc" } },
      alerts: true,
      ledger: true,
      topUpOrders: true,
    },
  });
}

async function counts(userId: string) {
  const esims = { esim: { userId } };
  return {
    orders: await db.order.count({ where: { userId } }),
    sessions: await db.localCheckoutSession.count({ where: { order: { userId } } }),
    esims: await db.esimProfile.count({ where: { userId } }),
    events: await db.esimEvent.count({ where: esims }),
    packages: await db.dataPackage.count({ where: esims }),
    ledger: await db.ledgerEntry.count({ where: esims }),
    usage: await db.usageRecord.count({ where: esims }),
    alerts: await db.balanceAlert.count({ where: { userId } }),
  };
}

// Running sums are what balances are read from: they equal the ledger's.
function expectSumsMatchLedger(esim: Awaited<ReturnType<typeof history>>[number]) {
  const sum = (kinds: string[], field: "dataBytes" | "voiceSeconds") =>
    esim.ledger.filter((l) => kinds.includes(l.kind)).reduce((total, l) => total + BigInt(l[field]), 0n);
  expect(esim.ledgerCreditedBytes).toBe(sum(["CREDIT"], "dataBytes"));
  expect(esim.ledgerDebitedBytes).toBe(-sum(["USAGE", "EXPIRY"], "dataBytes"));
  expect(BigInt(esim.ledgerCreditedVoiceSeconds)).toBe(sum(["CREDIT"], "voiceSeconds"));
  expect(BigInt(esim.ledgerDebitedVoiceSeconds)).toBe(-sum(["USAGE", "EXPIRY"], "voiceSeconds"));
  expect(esim.packageDays).toBe(esim.packages.reduce((days, pkg) => days + pkg.days, 0));
}

describe("the demo account", () => {
  it("has a history that ends now: active, installed and just-ended eSIMs, two orders and a top-up", async () => {
    const now = new Date();
    const daysAgo = (days: number) => jstDate(new Date(now.getTime() - days * DAY));
    const user = await seedDemoAccount(db, now);
    const esims = await history(user.id);
    const inState = (state: string) => esims.filter((esim) => esim.state === state);
    expect(esims).toHaveLength(3);

    // Active for six days, the first use five Japan days ago, with usage on each of them.
    const ended = esims.filter((esim) => esim.validUntil && esim.validUntil < now);
    const [active] = inState("ENABLED").filter((esim) => !ended.includes(esim));
    expect(jstDate(active!.validFrom!)).toBe(daysAgo(5));
    expect([...new Set(active!.usageRecords.map((record) => jstDate(record.occurredAt)))]).toEqual(
      [5, 4, 3, 2, 1, 0].map(daysAgo),
    );
    // Its plan passed 75 % (and not 90 %), then a top-up was paid and added its 7 days.
    const [plan, topUp] = active!.packages;
    expect(active!.alerts.map((alert) => [alert.kind, alert.packageId])).toEqual([["DATA_75", plan!.id]]);
    expect(topUp).toMatchObject({ kind: "TOP_UP", dataBytes: 1024n * MB, days: 7 });
    expect(active!.topUpOrders).toMatchObject([{ kind: "TOPUP", status: "FULFILLED", totalAmount: 880 }]);
    expect(active!.alerts[0]!.createdAt < topUp!.createdAt).toBe(true);
    expect(active!.validUntil).toEqual(endOfJstDay(active!.validFrom!, 6 + 7));
    expect(active!.events.map((event) => event.toState)).toEqual(["DOWNLOADED", "INSTALLED", "ENABLED"]);
    const activeBalance = (await esimBalance(active!.id, user.id))!;
    expect(activeBalance).toMatchObject({ status: "ACTIVE", totalBytes: 4096n * MB, daysLeft: 9 });
    expect(activeBalance.remainingBytes! > 1024n * MB).toBe(true);
    expect(now.getTime() - activeBalance.asOf!.getTime()).toBeLessThan(15 * 60_000);

    // Bought with it and installed on a second phone, not yet used in Japan.
    const [installed] = inState("INSTALLED");
    expect(installed).toMatchObject({ orderId: active!.orderId, validFrom: null, validUntil: null, usageRecords: [] });
    expect((await esimBalance(installed!.id, user.id))!.status).toBe("NOT_ACTIVE");

    // Ended at 23:59:59 JST yesterday: what was left lapsed then, and it can still be topped up.
    expect(ended).toHaveLength(1);
    const [lapsed] = ended;
    expect(lapsed!.validUntil).toEqual(new Date(startOfJstDay(now).getTime() - 1));
    expect(lapsed!.ledger.filter((entry) => entry.kind === "EXPIRY")).toMatchObject([
      { occurredAt: lapsed!.validUntil },
    ]);
    expect(await esimBalance(lapsed!.id, user.id)).toMatchObject({ status: "EXPIRED", remainingBytes: 0n });
    expect(topUpWindow(lapsed!, now)).toMatchObject({ open: true });
    expect(lapsed!.alerts.map((alert) => alert.kind).sort()).toEqual(["EXPIRES_1_DAY", "EXPIRES_3_DAYS"]);

    // Two past orders of eSIMs, paid through the checkout and fulfilled, and the top-up.
    const orders = await db.order.findMany({ where: { userId: user.id }, include: { localSession: true } });
    expect(
      orders
        .filter((order) => order.kind === "ESIM")
        .map((order) => order.quantity)
        .sort(),
    ).toEqual([1, 2]);
    expect(orders).toHaveLength(3);
    for (const order of orders) {
      expect(order).toMatchObject({
        status: "FULFILLED",
        paymentProvider: "local",
        paymentStatus: "paid",
        paymentMethod: "card",
      });
      expect(order.localSession).toMatchObject({ status: "COMPLETE", paymentIntentId: order.paymentIntentId });
      expect(order.createdAt < order.paidAt! && order.paidAt! < now).toBe(true);
    }

    for (const esim of esims) {
      expectSumsMatchLedger(esim);
      for (const instant of [
        esim.createdAt,
        ...esim.events.map((e) => e.createdAt),
        ...esim.usageRecords.flatMap((r) => [r.occurredAt, r.receivedAt]),
        ...esim.alerts.map((a) => a.createdAt),
        ...esim.ledger.map((l) => l.occurredAt),
      ])
        expect(instant <= now).toBe(true);
    }
    // Nobody is emailed about a past that was only written down.
    expect(await db.outboxEmail.count({ where: { userId: user.id } })).toBe(0);
  });

  it("starts over on every run, leaving other accounts alone", async () => {
    const now = new Date();
    const { buyer, esim } = await activeEsim();
    const user = await seedDemoAccount(db, now);
    const first = await counts(user.id);
    const firstIds = (await history(user.id)).map((e) => e.id);

    await seedDemoAccount(db, now);
    expect(await counts(user.id)).toEqual(first);
    const again = (await history(user.id)).map((e) => e.id);
    expect(again.filter((id) => firstIds.includes(id))).toEqual([]);
    expect(await db.esimProfile.findUnique({ where: { id: esim.id } })).toMatchObject({ userId: buyer.id });
    expect(await db.order.count({ where: { userId: buyer.id } })).toBe(1);
  });
});
