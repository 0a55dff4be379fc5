// Emails after a benchmark, counted twice: in the outbox (one row per email the product meant
// to send, keyed by what it is about) and in the mail catcher (what SMTP actually delivered,
// matched to its row by Message-ID). An email is lost when its row or its delivery is missing,
// duplicated when either exists twice; a delivery no row accounts for is a duplicate send.
import type { Prisma } from "@prisma/client";
import { db } from "../../../lib/db/client";
import { orderReference } from "../../../lib/orders/fulfilment";
import { countBy, latencySummary } from "./stats";

const MAIL_CATCHER_URL = process.env.MAIL_CATCHER_URL ?? "http://127.0.0.1:1081";
const INBOX_PAGE = 500;

type OutboxRow = {
  userId: string | null;
  to: string;
  template: string;
  payload: Prisma.JsonValue;
  status: string;
  messageId: string | null;
  createdAt: Date;
  sentAt: Date | null;
};
type Caught = { to: string[]; messageId: string };
type MaildevEmail = { to?: { address: string }[]; headers?: Record<string, string | string[]> };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const field = (row: OutboxRow, name: string) => String((row.payload as Prisma.JsonObject)[name]);

// What each email is about: one verification per account, one receipt per order, one
// activation per eSIM, one alert per eSIM and kind.
const SUBJECT_OF: Record<string, (row: OutboxRow) => string> = {
  "verify-email": (row) => String(row.userId),
  "order-receipt": (row) => field(row, "reference"),
  "esim-activation": (row) => field(row, "iccid"),
  "balance-alert": (row) => `${field(row, "esimId")}:${field(row, "kind")}`,
};

export async function waitForOutboxDrain(userIds: string[], timeoutMs = 120_000) {
  const started = Date.now();
  for (;;) {
    const pending = await db.outboxEmail.count({ where: { userId: { in: userIds }, status: "PENDING" } });
    const ms = Date.now() - started;
    if (pending === 0 || ms > timeoutMs) return { drained: pending === 0, ms, pending };
    await sleep(200);
  }
}

// How the outbox emptied after `since`: its send rate, and the longest stretch with nothing
// sent while emails were still waiting.
export async function drainProfile(userIds: string[], since: Date) {
  const sent = await db.outboxEmail.findMany({
    where: { userId: { in: userIds }, sentAt: { gt: since } },
    select: { sentAt: true },
    orderBy: { sentAt: "asc" },
  });
  const times = [since.getTime(), ...sent.map((row) => row.sentAt!.getTime())];
  const pauses = times.slice(1).map((time, i) => time - times[i]!);
  const seconds = (times.at(-1)! - since.getTime()) / 1000;
  return {
    emails: sent.length,
    emailsPerSecond: seconds > 0 ? Math.round((sent.length / seconds) * 10) / 10 : null,
    longestPauseMs: Math.max(0, ...pauses),
    pausesOver4s: pauses.filter((pause) => pause > 4000).length,
  };
}

// The emails the product state calls for, from the orders, eSIMs and alerts themselves.
async function expectedSubjects(userIds: string[]): Promise<Record<string, string[]>> {
  const mine = { userId: { in: userIds } };
  const [orders, esims, alerts] = await Promise.all([
    db.order.findMany({ where: { ...mine, status: "FULFILLED" }, select: { id: true } }),
    db.esimProfile.findMany({ where: mine, select: { iccid: true } }),
    db.balanceAlert.findMany({ where: mine, select: { esimId: true, kind: true } }),
  ]);
  return {
    "verify-email": userIds,
    "order-receipt": orders.map((order) => orderReference(order.id)),
    "esim-activation": esims.map((esim) => esim.iccid),
    "balance-alert": alerts.map((alert) => `${alert.esimId}:${alert.kind}`),
  };
}

function compareTemplate(expected: string[], rows: OutboxRow[], subjectOf: (row: OutboxRow) => string) {
  const counts = countBy(rows.map(subjectOf));
  const wanted = new Set(expected);
  return {
    expected: expected.length,
    queued: rows.length,
    sent: rows.filter((row) => row.status === "SENT").length,
    missing: expected.filter((subject) => !counts.has(subject)).length,
    duplicated: [...counts.values()].filter((count) => count > 1).length,
    unexpected: [...counts.keys()].filter((subject) => !wanted.has(subject)).length,
  };
}

const normalise = (messageId: string) => messageId.trim().replace(/^<|>$/g, "");

async function caughtEmails(recipients: Set<string>): Promise<Caught[]> {
  const caught: Caught[] = [];
  for (let skip = 0; ; skip += INBOX_PAGE) {
    const response = await fetch(`${MAIL_CATCHER_URL}/api/email?skip=${skip}&limit=${INBOX_PAGE}`);
    if (!response.ok) throw new Error(`the mail catcher answered ${response.status}`);
    const page = (await response.json()) as MaildevEmail[];
    for (const email of page) {
      const to = (email.to ?? []).map((address) => address.address.toLowerCase());
      const messageId = email.headers?.["message-id"];
      if (to.some((address) => recipients.has(address)))
        caught.push({ to, messageId: normalise(String(messageId ?? "")) });
    }
    if (page.length < INBOX_PAGE) return caught;
  }
}

function compareInbox(rows: OutboxRow[], caught: Caught[]) {
  const sent = rows.filter((row) => row.status === "SENT").map((row) => normalise(row.messageId ?? ""));
  const deliveries = countBy(caught.map((email) => email.messageId));
  const known = new Set(sent);
  return {
    expected: sent.length,
    deliveredOnce: sent.filter((id) => deliveries.get(id) === 1).length,
    lost: sent.filter((id) => !deliveries.has(id)).length,
    duplicated: sent.filter((id) => (deliveries.get(id) ?? 0) > 1).length,
    extra: caught.filter((email) => !known.has(email.messageId)).length,
  };
}

// SMTP has accepted each message before its row says SENT; the catcher may store it a moment later.
async function inboxCheck(rows: OutboxRow[], timeoutMs = 15_000) {
  const recipients = new Set(rows.map((row) => row.to.toLowerCase()));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const inbox = compareInbox(rows, await caughtEmails(recipients));
    if (inbox.lost === 0 || Date.now() > deadline) return inbox;
    await sleep(1000);
  }
}

export async function emailIntegrity(userIds: string[]) {
  const rows: OutboxRow[] = await db.outboxEmail.findMany({
    where: { userId: { in: userIds } },
    select: {
      userId: true,
      to: true,
      template: true,
      payload: true,
      status: true,
      messageId: true,
      createdAt: true,
      sentAt: true,
    },
  });
  const expected = await expectedSubjects(userIds);
  const templates = [...new Set([...Object.keys(expected), ...rows.map((row) => row.template)])];
  const outbox = Object.fromEntries(
    templates.map((template) => {
      const subjectOf = SUBJECT_OF[template] ?? ((row: OutboxRow) => `${row.userId}:${JSON.stringify(row.payload)}`);
      return [
        template,
        compareTemplate(
          expected[template] ?? [],
          rows.filter((row) => row.template === template),
          subjectOf,
        ),
      ];
    }),
  );
  const inbox = await inboxCheck(rows);
  const lag = latencySummary(
    rows.filter((row) => row.sentAt).map((row) => row.sentAt!.getTime() - row.createdAt.getTime()),
  );
  const outboxOk = Object.values(outbox).every(
    (t) =>
      t.missing === 0 && t.duplicated === 0 && t.unexpected === 0 && t.sent === t.expected && t.queued === t.expected,
  );
  const inboxOk = inbox.lost === 0 && inbox.duplicated === 0 && inbox.extra === 0;
  return { outbox, inbox, queueToSmtp: lag, ok: outboxOk && inboxOk };
}
