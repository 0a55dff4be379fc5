import "server-only";
import type { OutboxEmail, Prisma } from "@prisma/client";
import { db } from "../db/client";
import type { EmailTemplate } from "../email/messages";
import { addJob } from "../jobs/queue";
import type { OutboxFilters } from "../validation/admin-ops";
import { OUTBOX_STATUSES } from "../validation/admin-ops";
import { recordAudit, recordRefusal } from "./audit";
import type { StaffMember } from "./guard";
import { type Page, PAGE_SIZE, pageOf, skipFor } from "./pagination";

const listSelect = {
  id: true,
  to: true,
  locale: true,
  template: true,
  status: true,
  attempts: true,
  lastError: true,
  nextAttemptAt: true,
  createdAt: true,
} satisfies Prisma.OutboxEmailSelect;

export type OutboxRow = Prisma.OutboxEmailGetPayload<{ select: typeof listSelect }>;

// The emails that need an eye: given up (FAILED) and still trying (PENDING), newest first. Sent
// ones are on each order's and customer's own page.
export async function listOutbox({ status, page }: OutboxFilters): Promise<Page<OutboxRow>> {
  const where: Prisma.OutboxEmailWhereInput = { status: status ?? { in: [...OUTBOX_STATUSES] } };
  const [rows, total] = await Promise.all([
    db.outboxEmail.findMany({
      where,
      select: listSelect,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: skipFor(page),
      take: PAGE_SIZE,
    }),
    db.outboxEmail.count({ where }),
  ]);
  return pageOf(rows, total, page);
}

// Templates whose link carries a secret token, which the sender removes when it gives an email
// up (lib/email/sender.ts): sent again, the email would link nowhere. A new link is made by
// the action it belongs to (a new activation email, a new reset, a new verification).
const TOKEN_TEMPLATES: readonly EmailTemplate[] = [
  "verify-email",
  "password-reset",
  "email-changed",
  "esim-activation",
];

function lostItsLink(email: Pick<OutboxEmail, "template" | "payload">): boolean {
  const payload = (email.payload ?? {}) as Record<string, unknown>;
  if ((TOKEN_TEMPLATES as readonly string[]).includes(email.template)) return typeof payload.token !== "string";
  // A Konbini refund's notice asks for a bank account through its link.
  return email.template === "order-refund" && payload.state === "requires_action" && !payload.actionUrl;
}

export type RetryEmailResult = { status: "queued" | "not_found" | "not_failed" | "link_removed" };

const snapshot = (email: Pick<OutboxEmail, "status" | "attempts" | "lastError" | "nextAttemptAt">) => ({
  status: email.status,
  attempts: email.attempts,
  lastError: email.lastError,
  nextAttemptAt: email.nextAttemptAt.toISOString(),
});

// Puts an email the sender gave up on back in the queue, with a fresh run of attempts, and
// queues its delivery in the same transaction (as enqueueEmail does), so it goes out as soon as
// this commits. Only a failed email: a pending one is on its way already, a sent one was sent.
export async function retryEmail(staff: StaffMember, emailId: string, now = new Date()): Promise<RetryEmailResult> {
  const outcome = await db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM email_outbox WHERE id = ${emailId} FOR UPDATE`;
    if (!locked) return { status: "not_found" as const };
    const email = await tx.outboxEmail.findUniqueOrThrow({ where: { id: emailId } });
    if (email.status !== "FAILED") return { status: "not_failed" as const, before: snapshot(email) };
    if (lostItsLink(email)) return { status: "link_removed" as const, before: snapshot(email) };
    const updated = await tx.outboxEmail.update({
      where: { id: emailId },
      data: { status: "PENDING", attempts: 0, nextAttemptAt: now },
    });
    await addJob(tx, "deliver-emails", {}, { jobKey: "deliver-emails", keepRunAt: true });
    await recordAudit(tx, staff, {
      action: "email.retry",
      targetType: "email",
      targetId: emailId,
      before: snapshot(email),
      after: snapshot(updated),
    });
    return { status: "queued" as const };
  });
  if (outcome.status === "not_failed" || outcome.status === "link_removed") {
    await recordRefusal(staff, {
      action: "email.retry",
      targetType: "email",
      targetId: emailId,
      before: outcome.before,
      after: { refusal: outcome.status },
    });
  }
  return { status: outcome.status };
}
