import { randomUUID } from "node:crypto";
import type { EsimState } from "@prisma/client";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { deliverDueEmails, MAX_ATTEMPTS } from "../email/sender";
import type { MailTransport } from "../email/transport";
import { addJob } from "../jobs/queue";
import { newBuyer } from "../testing/shop";
import { JST_OFFSET_MS } from "../time/jst";
import { type DayFigures, OVERVIEW_DAYS, overviewFigures } from "./overview";

// A day of its own, years back, so nothing else in the test database falls into its window
// (and tests that read the newest rows never find these).
const NOW = new Date("2021-03-15T10:00:00+09:00");
const DAY_MS = 24 * 60 * 60 * 1000;
// The instants around the edges of the Japan days seeded.
const TODAY_START = new Date("2021-03-15T00:00:00+09:00");
const TODAY_END = new Date(TODAY_START.getTime() + DAY_MS - 1);
const YESTERDAY_END = new Date(TODAY_START.getTime() - 1);
const TOMORROW_START = new Date(TODAY_START.getTime() + DAY_MS);
const WINDOW_START = new Date(TODAY_START.getTime() - (OVERVIEW_DAYS - 1) * DAY_MS);
const BEFORE_WINDOW = new Date(WINDOW_START.getTime() - 1);

let userId: string;
let planId: string;

async function paidOrder(paidAt: Date, totalAmount: number, currency = "JPY") {
  return db.order.create({
    data: {
      userId,
      planId,
      status: "FULFILLED",
      unitAmount: totalAmount,
      subtotalAmount: totalAmount,
      totalAmount,
      currency,
      paymentProvider: "local",
      paidAt,
      createdAt: new Date(paidAt.getTime() - 60_000),
    },
  });
}

async function refund(orderId: string, createdAt: Date, amount: number, status = "succeeded") {
  await db.orderRefund.create({
    data: {
      orderId,
      source: "staff",
      idempotencyKey: randomUUID(),
      amount,
      currency: "JPY",
      status,
      reason: "requested_by_customer",
      createdAt,
    },
  });
}

let sequence = 0;

// An eSIM with these transitions, each at its instant.
async function esimWith(orderId: string, transitions: [EsimState, EsimState, Date][]) {
  const id = randomUUID().replaceAll("-", "");
  const esim = await db.esimProfile.create({
    data: {
      orderId,
      sequence: (sequence += 1),
      userId,
      planId,
      carrierCode: "KDDI_AU",
      iccid: `89${Array.from({ length: 18 }, () => Math.floor(Math.random() * 10)).join("")}`,
      matchingId: id.slice(0, 40),
      smdpAddress: "smdp.example.test",
      activationCode: `LPA:1$smdp.example.test$${id}`,
    },
  });
  for (const [fromState, toState, createdAt] of transitions) {
    await db.esimEvent.create({ data: { esimId: esim.id, fromState, toState, source: "network", createdAt } });
  }
}

async function email(createdAt: Date, status: "PENDING" | "SENT") {
  await db.outboxEmail.create({
    data: { to: "someone@example.test", locale: "en", template: "password-changed", payload: {}, status, createdAt },
  });
}

const refusingServer: MailTransport = {
  sendMail: async () => {
    throw Object.assign(new Error("550 mailbox unavailable"), { code: "EENVELOPE", command: "RCPT TO" });
  },
};

// An email queued at `queuedAt` that the sender gives up on at `at`, at its last attempt. The
// sender runs at `at`, years back, when no other email was due yet.
async function givenUpEmail(queuedAt: Date, at: Date) {
  const email = await db.outboxEmail.create({
    data: {
      to: "someone@example.test",
      locale: "en",
      template: "password-changed",
      payload: { name: "Aiko", changedAt: queuedAt.toISOString() },
      attempts: MAX_ATTEMPTS - 1,
      createdAt: queuedAt,
      nextAttemptAt: at,
    },
  });
  expect(await deliverDueEmails({ transport: refusingServer, now: () => at })).toEqual({ sent: 0, failed: 1 });
  expect(await db.outboxEmail.findUniqueOrThrow({ where: { id: email.id } })).toMatchObject({ status: "FAILED" });
}

// The job runner leaves a job alone until then.
const NEVER_DUE = new Date("2099-01-01T00:00:00Z");

// A job that failed its latest attempt at `at`, as graphile-worker leaves it.
async function failedJob(at: Date, { givenUp }: { givenUp: boolean }) {
  const key = `overview-test:${randomUUID()}`;
  await addJob(db, "reconcile-orders", {}, { jobKey: key, runAt: NEVER_DUE, maxAttempts: 3 });
  await db.$executeRaw`
    UPDATE graphile_worker._private_jobs
    SET attempts = ${givenUp ? 3 : 1}, last_error = 'boom', updated_at = ${at}
    WHERE key = ${key}`;
}

let figures: Awaited<ReturnType<typeof overviewFigures>>;
const day = (instant: Date): DayFigures => {
  const date = new Date(instant.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);
  const found = figures.days.find((entry) => entry.date === date);
  if (!found) throw new Error(`no figures for ${date}`);
  return found;
};

beforeAll(async () => {
  userId = (await newBuyer()).id;
  planId = (await db.plan.findFirstOrThrow({ where: { slug: "au-1gb-3d" } })).id;

  // Today: three orders at the very start and end of the Japan day, one of them in dollars.
  const first = await paidOrder(TODAY_START, 2000);
  const last = await paidOrder(TODAY_END, 3500);
  await paidOrder(new Date(TODAY_START.getTime() + 3 * 60 * 60 * 1000), 1200, "USD");
  // Yesterday's last millisecond, tomorrow's first, and the day before the window.
  const yesterday = await paidOrder(YESTERDAY_END, 5000);
  await paidOrder(TOMORROW_START, 9999);
  await paidOrder(BEFORE_WINDOW, 7777);
  // An order never paid counts nowhere.
  await db.order.create({
    data: {
      userId,
      planId,
      unitAmount: 800,
      subtotalAmount: 800,
      totalAmount: 800,
      currency: "JPY",
      paymentProvider: "local",
      createdAt: TODAY_START,
    },
  });

  // Refunds: two today that count, one failed later and one still being asked (neither counts),
  // and one of yesterday's order made yesterday.
  await refund(first.id, TODAY_START, 500);
  await refund(last.id, TODAY_END, 1000, "pending");
  await refund(last.id, TODAY_END, 300, "failed");
  await refund(first.id, new Date(TODAY_START.getTime() + 1000), 200, "requesting");
  await refund(yesterday.id, YESTERDAY_END, 5000);

  // eSIMs: enabled first today; enabled yesterday and again today after a suspension (counted
  // yesterday only); enabled twice today (counted once); installed but never enabled.
  await esimWith(first.id, [
    ["RELEASED", "DOWNLOADED", TODAY_START],
    ["INSTALLED", "ENABLED", TODAY_END],
  ]);
  await esimWith(last.id, [
    ["INSTALLED", "ENABLED", YESTERDAY_END],
    ["ENABLED", "DISABLED", TODAY_START],
    ["DISABLED", "ENABLED", new Date(TODAY_START.getTime() + 1000)],
  ]);
  await esimWith(yesterday.id, [
    ["INSTALLED", "ENABLED", TODAY_START],
    ["ENABLED", "DISABLED", new Date(TODAY_START.getTime() + 1000)],
    ["DISABLED", "ENABLED", new Date(TODAY_START.getTime() + 2000)],
  ]);
  await esimWith(first.id, [["DOWNLOADED", "INSTALLED", TODAY_START]]);

  // Emails, on the day they were given up: two today (and one more queued yesterday), one
  // yesterday; pending and sent ones are not failures.
  await givenUpEmail(new Date(TODAY_START.getTime() - 60 * 60 * 1000), TODAY_START);
  await givenUpEmail(TODAY_START, TODAY_END);
  await givenUpEmail(YESTERDAY_END, new Date(TODAY_START.getTime() + 60 * 60 * 1000));
  await givenUpEmail(new Date(YESTERDAY_END.getTime() - 60 * 60 * 1000), YESTERDAY_END);
  await givenUpEmail(TODAY_END, TOMORROW_START);
  await email(TODAY_END, "PENDING");
  await email(TODAY_START, "SENT");

  // Jobs: two failed today (one out of attempts), one yesterday.
  await failedJob(TODAY_START, { givenUp: false });
  await failedJob(TODAY_END, { givenUp: true });
  await failedJob(YESTERDAY_END, { givenUp: true });
  await failedJob(TOMORROW_START, { givenUp: true });

  figures = await overviewFigures(NOW);
});

describe("the overview's figures, by Japan day", () => {
  it("covers the last fourteen Japan days, oldest first, ending today", () => {
    expect(figures.days).toHaveLength(OVERVIEW_DAYS);
    expect(figures.days[0]!.date).toBe("2021-03-02");
    expect(figures.days.at(-1)!.date).toBe("2021-03-15");
    expect(figures.today).toBe(figures.days.at(-1));
  });

  it("counts today's paid orders, their yen revenue, refunds that count and the net", () => {
    expect(figures.today).toMatchObject({
      ordersPaid: 3,
      revenue: 5500,
      refunds: 2,
      refundedAmount: 1500,
      netRevenue: 4000,
    });
  });

  it("counts eSIMs enabled for the first time, emails given up and failed jobs", () => {
    expect(figures.today).toMatchObject({ esimsActivated: 2, emailsFailed: 3, jobsFailed: 2, jobsGivenUp: 1 });
  });

  it("puts the last millisecond before Japan's midnight into the day before", () => {
    expect(day(YESTERDAY_END)).toEqual({
      date: "2021-03-14",
      ordersPaid: 1,
      revenue: 5000,
      refunds: 1,
      refundedAmount: 5000,
      netRevenue: 0,
      esimsActivated: 1,
      emailsFailed: 1,
      jobsFailed: 1,
      jobsGivenUp: 1,
    });
  });

  it("leaves every other day of the window empty, and nothing from outside it", () => {
    const others = figures.days.filter(({ date }) => date !== "2021-03-14" && date !== "2021-03-15");
    expect(others).toHaveLength(OVERVIEW_DAYS - 2);
    for (const other of others) {
      expect(other).toEqual({
        date: other.date,
        ordersPaid: 0,
        revenue: 0,
        refunds: 0,
        refundedAmount: 0,
        netRevenue: 0,
        esimsActivated: 0,
        emailsFailed: 0,
        jobsFailed: 0,
        jobsGivenUp: 0,
      });
    }
  });
});
