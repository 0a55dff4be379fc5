import { randomUUID } from "node:crypto";
import type { EmailStatus } from "@prisma/client";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { openCheckout } from "../testing/shop";
import { parseAuditLogFilters, parseOutboxFilters, parseWebhookEventFilters } from "../validation/admin-ops";
import { listAuditEntries } from "./audit-log";
import { listOutbox } from "./outbox";
import { PAGE_SIZE } from "./pagination";
import { listReceivedEvents, receivedEventTypes } from "./webhook-events";

// Rows dated after everything the database holds come first in the newest-first lists.
let ahead = 0;
let tick = 0;
const nextInstant = () => new Date(ahead + (tick += 1) * 1000);

beforeAll(async () => {
  const [emails, local, processed] = await Promise.all([
    db.outboxEmail.aggregate({ _max: { createdAt: true } }),
    db.localWebhookEvent.aggregate({ _max: { createdAt: true } }),
    db.processedWebhookEvent.aggregate({ _max: { processedAt: true } }),
  ]);
  const latest = [emails._max.createdAt, local._max.createdAt, processed._max.processedAt, new Date()];
  ahead = Math.max(...latest.map((instant) => instant?.getTime() ?? 0)) + 24 * 60 * 60 * 1000;
});
// An event type of this test's own, in the shape the filter accepts.
const ownType = () =>
  `test.${Array.from({ length: 12 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("")}`;

async function email(status: EmailStatus, createdAt = nextInstant()) {
  return db.outboxEmail.create({
    data: {
      to: `list-${randomUUID()}@example.test`,
      locale: "ja",
      template: "password-changed",
      payload: {},
      status,
      createdAt,
    },
  });
}

describe("the outbox list", () => {
  it("shows failed and pending emails newest first, never sent ones, and filters by status", async () => {
    const failed = await email("FAILED");
    const sent = await email("SENT");
    const pending = await email("PENDING");

    const both = await listOutbox(parseOutboxFilters({}));
    expect(both.rows.slice(0, 2).map((row) => row.id)).toEqual([pending.id, failed.id]);
    expect(both.rows.map((row) => row.id)).not.toContain(sent.id);
    expect(both.total).toBe(await db.outboxEmail.count({ where: { status: { in: ["FAILED", "PENDING"] } } }));

    const onlyFailed = await listOutbox(parseOutboxFilters({ status: "FAILED" }));
    expect(onlyFailed.rows[0]?.id).toBe(failed.id);
    expect(new Set(onlyFailed.rows.map((row) => row.status))).toEqual(new Set(["FAILED"]));
    expect(onlyFailed.total).toBe(await db.outboxEmail.count({ where: { status: "FAILED" } }));

    const onlyPending = await listOutbox(parseOutboxFilters({ status: "PENDING" }));
    expect(onlyPending.rows[0]?.id).toBe(pending.id);
    expect(new Set(onlyPending.rows.map((row) => row.status))).toEqual(new Set(["PENDING"]));

    // A status the list does not show is dropped: both again.
    expect((await listOutbox(parseOutboxFilters({ status: "SENT" }))).total).toBe(both.total);
  });

  it("pages through the emails, a page at a time", async () => {
    const created = [];
    for (let i = 0; i < PAGE_SIZE + 1; i += 1) created.push(await email("FAILED", new Date(ahead + 10_000_000 + i)));
    const newestFirst = created.reverse().map((row) => row.id);
    const first = await listOutbox(parseOutboxFilters({ status: "FAILED" }));
    const second = await listOutbox(parseOutboxFilters({ status: "FAILED", page: "2" }));
    expect(first.rows.map((row) => row.id)).toEqual(newestFirst.slice(0, PAGE_SIZE));
    expect(second.rows[0]?.id).toBe(newestFirst[PAGE_SIZE]);
    expect(first.pageCount).toBe(Math.ceil(first.total / PAGE_SIZE));
    expect(second.page).toBe(2);
    // A page number that is not one is the first page.
    expect((await listOutbox(parseOutboxFilters({ status: "FAILED", page: "-3" }))).page).toBe(1);
  });
});

describe("the received webhook events", () => {
  it("lists each event once with its outcome and order, and filters by type", async () => {
    const { order, sessionId } = await openCheckout();
    const type = ownType();
    const otherType = ownType();
    const localEvent = async (
      fields: { attempts: number; deliveredAt?: Date; gaveUpAt?: Date },
      attempts: { status: number | null; error?: string }[] = [],
      eventType = type,
    ) => {
      const id = `evt_local_${randomUUID().replaceAll("-", "")}`;
      await db.localWebhookEvent.create({
        data: {
          id,
          sessionId,
          type: eventType,
          endpoint: "http://127.0.0.1/api/webhooks/stripe",
          payload: {},
          createdAt: nextInstant(),
          ...fields,
        },
      });
      for (const [index, attempt] of attempts.entries()) {
        await db.localWebhookAttempt.create({
          data: { eventId: id, durationMs: 5, attemptedAt: new Date(ahead + index), ...attempt },
        });
      }
      return id;
    };

    const handled = await localEvent({ attempts: 2, deliveredAt: nextInstant() }, [{ status: 503 }, { status: 200 }]);
    await db.processedWebhookEvent.create({ data: { id: handled, type, processedAt: nextInstant() } });
    const ignored = await localEvent({ attempts: 1, deliveredAt: nextInstant() }, [{ status: 200 }]);
    const retrying = await localEvent({ attempts: 1 }, [{ status: null, error: "ECONNREFUSED" }]);
    const givenUp = await localEvent({ attempts: 10, gaveUpAt: nextInstant() }, [{ status: 500 }]);
    // Not sent to the shop yet: not received.
    const notYet = await localEvent({ attempts: 0 });
    // Stripe's own, recorded by id and type only.
    const stripe = `evt_${randomUUID().replaceAll("-", "")}`;
    await db.processedWebhookEvent.create({ data: { id: stripe, type, processedAt: nextInstant() } });
    const other = await localEvent({ attempts: 1, deliveredAt: nextInstant() }, [{ status: 200 }], otherType);

    const listed = await listReceivedEvents(parseWebhookEventFilters({ type }));
    expect(listed.total).toBe(5);
    expect(
      listed.rows.map(({ id, outcome, orderId, lastStatus, lastError }) => ({
        id,
        outcome,
        orderId,
        lastStatus,
        lastError,
      })),
    ).toEqual([
      { id: stripe, outcome: "handled", orderId: null, lastStatus: null, lastError: null },
      { id: givenUp, outcome: "given_up", orderId: order.id, lastStatus: 500, lastError: null },
      { id: retrying, outcome: "retrying", orderId: order.id, lastStatus: null, lastError: "ECONNREFUSED" },
      { id: ignored, outcome: "ignored", orderId: order.id, lastStatus: 200, lastError: null },
      { id: handled, outcome: "handled", orderId: order.id, lastStatus: 200, lastError: null },
    ]);
    expect(listed.rows.map((row) => row.id)).not.toContain(notYet);
    expect(listed.rows.find((row) => row.id === handled)?.attempts).toBe(2);

    const others = await listReceivedEvents(parseWebhookEventFilters({ type: otherType }));
    expect(others.rows.map((row) => row.id)).toEqual([other]);
    expect(await receivedEventTypes()).toEqual(expect.arrayContaining([type, otherType]));

    // Everything, newest first: this test's events lead.
    const all = await listReceivedEvents(parseWebhookEventFilters({}));
    expect(all.rows[0]?.id).toBe(other);
    expect(all.total).toBeGreaterThanOrEqual(6);
  });
});

describe("the audit log list", () => {
  const actorEmail = `auditor-${randomUUID()}@example.test`;
  const entry = (action: string, targetId: string, createdAt: Date, email = actorEmail) =>
    db.auditEntry.create({
      data: { actorEmail: email, actorRole: "ADMIN", action, targetType: "order", targetId, ip: "10.0.0.1", createdAt },
    });

  it("filters by staff email, action or its start, target and Japan dates, newest first", async () => {
    const target = randomUUID();
    // Around midnight, Japan time, between 9 and 10 January 2021: in the past, so tests that
    // read the newest entries never find these..
    const lateOnNinth = await entry("order.refund", target, new Date("2021-01-09T23:59:59.999+09:00"));
    const startOfTenth = await entry("order.note", target, new Date("2021-01-10T00:00:00+09:00"));
    const endOfTenth = await entry("esim.suspend", randomUUID(), new Date("2021-01-10T23:59:59.999+09:00"));
    const eleventh = await entry("order.refund", randomUUID(), new Date("2021-01-11T00:00:00+09:00"));
    const someoneElse = await entry("order.refund", target, new Date("2021-01-10T12:00:00+09:00"), "else@example.test");

    const ids = async (params: Record<string, string>) =>
      (await listAuditEntries(parseAuditLogFilters({ actor: actorEmail, ...params }))).rows.map((row) => row.id);

    expect(await ids({})).toEqual([eleventh.id, endOfTenth.id, startOfTenth.id, lateOnNinth.id]);
    // Any part of the email, in any case.
    expect(await ids({ actor: actorEmail.slice(8, 30).toUpperCase() })).toEqual([
      eleventh.id,
      endOfTenth.id,
      startOfTenth.id,
      lateOnNinth.id,
    ]);
    expect(await ids({ action: "order." })).toEqual([eleventh.id, startOfTenth.id, lateOnNinth.id]);
    expect(await ids({ action: "order.refund" })).toEqual([eleventh.id, lateOnNinth.id]);
    expect(await ids({ target })).toEqual([startOfTenth.id, lateOnNinth.id]);
    expect(await ids({ from: "2021-01-10", to: "2021-01-10" })).toEqual([endOfTenth.id, startOfTenth.id]);
    expect(await ids({ from: "2021-01-10" })).toEqual([eleventh.id, endOfTenth.id, startOfTenth.id]);
    expect(await ids({ to: "2021-01-09" })).toEqual([lateOnNinth.id]);
    // Without the actor: the other staff member's entry on that target too.
    const byTarget = await listAuditEntries(parseAuditLogFilters({ target }));
    expect(byTarget.rows.map((row) => row.id)).toEqual([someoneElse.id, startOfTenth.id, lateOnNinth.id]);
    // A date that is not one is dropped, not refused.
    expect(await ids({ from: "2021-13-45" })).toHaveLength(4);
  });

  it("pages through the entries", async () => {
    const email = `pager-${randomUUID()}@example.test`;
    for (let i = 0; i < PAGE_SIZE + 2; i += 1) {
      await entry("promotion.edit", `p-${i}`, new Date(Date.parse("2021-02-01T00:00:00Z") + i * 1000), email);
    }
    const first = await listAuditEntries(parseAuditLogFilters({ actor: email }));
    const second = await listAuditEntries(parseAuditLogFilters({ actor: email, page: "2" }));
    expect(first).toMatchObject({ total: PAGE_SIZE + 2, pageCount: 2, page: 1 });
    expect(first.rows).toHaveLength(PAGE_SIZE);
    expect(first.rows[0]?.targetId).toBe(`p-${PAGE_SIZE + 1}`);
    expect(second.rows.map((row) => row.targetId)).toEqual(["p-1", "p-0"]);
  });
});
