// What a scenario bought and what came out of it, from the database and the mail catcher once
// the system has settled: every paid checkout session should be one fulfilled order with its
// eSIMs or one refund, every email the orders call for delivered once, every ledger in step.
import { db } from "../../../lib/db/client";
import { purchaseIntegrity } from "../../bench/lib/integrity";
import { emailIntegrity } from "../../bench/lib/mailbox";

const POLL_MS = 1_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type Outcome = {
  purchases: number;
  fulfilled: number;
  refunded: number;
  stuck: number;
  emails: { expected: number; deliveredOnce: number; lost: number; duplicated: number };
  // From the end of the fault until the last order paid and email queued by then was settled.
  recoverySeconds: number | null;
  consistency: Consistency;
  details: { purchases: unknown; emails: unknown };
};

type Consistency = { ordersInTransit: number; fulfilledWithoutEsims: number; ledgerMismatches: number; ok: boolean };

const paidBy = (userIds: string[]) => ({ userId: { in: userIds }, localSession: { status: "COMPLETE" as const } });

// Paid orders not yet fulfilled or refunded, and emails still waiting to go out.
async function unsettled(userIds: string[]): Promise<number> {
  const [orders, emails] = await Promise.all([
    db.order.count({ where: { ...paidBy(userIds), status: { notIn: ["FULFILLED", "REFUNDED"] } } }),
    db.outboxEmail.count({ where: { userId: { in: userIds }, status: "PENDING" } }),
  ]);
  return orders + emails;
}

export async function waitUntilSettled(userIds: string[], timeoutMs: number) {
  const started = Date.now();
  for (;;) {
    const left = await unsettled(userIds).catch(() => Number.NaN);
    if (left === 0) return { settled: true, waitedMs: Date.now() - started };
    if (Date.now() - started > timeoutMs) return { settled: false, waitedMs: Date.now() - started, left };
    await sleep(POLL_MS);
  }
}

// Nothing half-written: no order left between PAID and FULFILLED (one transaction moves it
// through both), every fulfilled eSIM order with its eSIMs, each credited, and every eSIM's
// running sums equal to the sums of its ledger entries.
async function consistency(userIds: string[]): Promise<Consistency> {
  const ordersInTransit = await db.order.count({ where: { userId: { in: userIds }, status: "PAID" } });
  const fulfilledWithoutEsims = await db.order.count({
    where: {
      userId: { in: userIds },
      kind: "ESIM",
      status: "FULFILLED",
      OR: [{ esimProfiles: { none: {} } }, { esimProfiles: { some: { packages: { none: {} } } } }],
    },
  });
  const [row] = await db.$queryRaw<{ mismatches: bigint }[]>`
    SELECT count(*) AS mismatches
    FROM esim_profiles e
    LEFT JOIN (
      SELECT "esimId",
        sum(CASE WHEN kind = 'CREDIT' THEN "dataBytes" ELSE 0 END) AS credited,
        sum(CASE WHEN kind <> 'CREDIT' THEN -"dataBytes" ELSE 0 END) AS debited,
        sum(CASE WHEN kind = 'CREDIT' THEN "voiceSeconds" ELSE 0 END) AS "creditedVoice",
        sum(CASE WHEN kind <> 'CREDIT' THEN -"voiceSeconds" ELSE 0 END) AS "debitedVoice"
      FROM ledger_entries GROUP BY "esimId") l ON l."esimId" = e.id
    WHERE e."userId" = ANY(${userIds})
      AND (coalesce(l.credited, 0) <> e."ledgerCreditedBytes" OR coalesce(l.debited, 0) <> e."ledgerDebitedBytes"
        OR coalesce(l."creditedVoice", 0) <> e."ledgerCreditedVoiceSeconds"
        OR coalesce(l."debitedVoice", 0) <> e."ledgerDebitedVoiceSeconds")`;
  const ledgerMismatches = Number(row!.mismatches);
  return {
    ordersInTransit,
    fulfilledWithoutEsims,
    ledgerMismatches,
    ok: ordersInTransit === 0 && fulfilledWithoutEsims === 0 && ledgerMismatches === 0,
  };
}

async function recoverySeconds(userIds: string[], faultEndedAt: Date): Promise<number | null> {
  const [orders, emails] = await Promise.all([
    db.order.findMany({
      where: { ...paidBy(userIds), localSession: { status: "COMPLETE", completedAt: { lte: faultEndedAt } } },
      select: { fulfilledAt: true, refundedAt: true },
    }),
    db.outboxEmail.findMany({
      where: { userId: { in: userIds }, createdAt: { lte: faultEndedAt } },
      select: { sentAt: true },
    }),
  ]);
  const settledAt = [
    ...orders.map((order) => order.fulfilledAt ?? order.refundedAt),
    ...emails.map((email) => email.sentAt),
  ];
  if (settledAt.some((time) => time === null)) return null;
  const last = Math.max(faultEndedAt.getTime(), ...settledAt.map((time) => time!.getTime()));
  return Math.round((last - faultEndedAt.getTime()) / 100) / 10;
}

export async function outcome(userIds: string[], faultEndedAt: Date): Promise<Outcome> {
  const orders = await db.order.findMany({
    where: paidBy(userIds),
    select: { status: true, kind: true, quantity: true, _count: { select: { esimProfiles: true } } },
  });
  const fulfilled = orders.filter(
    (order) => order.status === "FULFILLED" && (order.kind !== "ESIM" || order._count.esimProfiles === order.quantity),
  ).length;
  const refunded = orders.filter((order) => order.status === "REFUNDED").length;
  const purchases = await purchaseIntegrity(userIds, []);
  const emails = await emailIntegrity(userIds);
  const templates = Object.values(emails.outbox);
  const sum = (pick: (t: (typeof templates)[number]) => number) => templates.reduce((total, t) => total + pick(t), 0);
  return {
    purchases: orders.length,
    fulfilled,
    refunded,
    stuck: orders.length - fulfilled - refunded,
    emails: {
      expected: sum((t) => t.expected),
      deliveredOnce: emails.inbox.deliveredOnce,
      // Never queued, queued but never sent (still pending, or given up), or sent but never caught.
      lost: sum((t) => t.missing) + sum((t) => t.queued - t.sent) + emails.inbox.lost,
      // Queued twice, caught twice, or caught without a row saying so: an SMTP accept whose
      // commit a crash cut off, sent again after the restart.
      duplicated: sum((t) => t.duplicated) + emails.inbox.duplicated + emails.inbox.extra,
    },
    recoverySeconds: await recoverySeconds(userIds, faultEndedAt),
    consistency: await consistency(userIds),
    details: { purchases, emails: { outbox: emails.outbox, inbox: emails.inbox } },
  };
}

// Jobs still locked: being run right now, or locked by a process that was killed while running
// them. graphile-worker alone hands the latter to another worker only after 4 hours; the shop's
// sweep of dead workers (lib/jobs/heartbeats.ts) unlocks them within about a minute and a half.
export async function jobsLeftLocked(): Promise<Record<string, number>> {
  const rows = await db.$queryRaw<{ task: string; count: bigint }[]>`
    SELECT task_identifier AS task, count(*) AS count FROM graphile_worker.jobs
    WHERE locked_at IS NOT NULL GROUP BY task_identifier ORDER BY task_identifier`;
  return Object.fromEntries(rows.map((row) => [row.task, Number(row.count)]));
}

// Fails when a job is still locked `withinMs` after the system settled: a killed process's job
// that no live instance took over. A job a live worker runs ends long before.
export async function noJobLeftLocked(withinMs = 150_000) {
  const deadline = Date.now() + withinMs;
  let locked = await jobsLeftLocked();
  while (Object.keys(locked).length > 0 && Date.now() < deadline) {
    await sleep(POLL_MS);
    locked = await jobsLeftLocked();
  }
  return { name: "no job left locked by a killed process", ok: Object.keys(locked).length === 0, found: locked };
}
