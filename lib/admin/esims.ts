import "server-only";
import type { EsimState, Prisma } from "@prisma/client";
import { lapseRemainingBalance } from "../balance/expiry";
import { esimBalance } from "../balance/summary";
import { db } from "../db/client";
import { resendActivationEmail } from "../esim/activation";
import { nextState } from "../esim/lifecycle";
import { lockEsim } from "../esim/row-lock";
import { RESUME_EVENT_SOURCE, SUSPEND_EVENT_SOURCE } from "../esim/suspension";
import type { RateLimited } from "../result";
import { type AuditActor, recordAudit, recordRefusal } from "./audit";

// What the console shows of an eSIM: the profile and its whole history, its balance, and the
// latest of its ledger and usage records (an eSIM used for months has thousands).
export const STAFF_ESIM_ROWS = 50;

export async function esimForStaff(esimId: string) {
  const esim = await db.esimProfile.findUnique({
    where: { id: esimId },
    select: {
      id: true,
      iccid: true,
      eid: true,
      state: true,
      carrierCode: true,
      orderId: true,
      userId: true,
      validFrom: true,
      validUntil: true,
      suspendedAt: true,
      suspendedById: true,
      suspendedReason: true,
      createdAt: true,
      plan: { select: { slug: true, dataMb: true, days: true, carrier: { select: { name: true } } } },
      user: { select: { id: true, name: true, email: true } },
      events: { orderBy: [{ createdAt: "desc" }, { id: "desc" }] },
      ledger: { orderBy: [{ occurredAt: "desc" }, { id: "desc" }], take: STAFF_ESIM_ROWS },
      usageRecords: { orderBy: [{ receivedAt: "desc" }, { id: "desc" }], take: STAFF_ESIM_ROWS },
    },
  });
  if (!esim) return null;
  const balance = await esimBalance(esim.id, esim.userId);
  const suspendedBy = esim.suspendedById
    ? await db.user.findUnique({ where: { id: esim.suspendedById }, select: { email: true } })
    : null;
  return balance ? { ...esim, balance, suspendedByEmail: suspendedBy?.email ?? null } : null;
}

export type StaffEsim = NonNullable<Awaited<ReturnType<typeof esimForStaff>>>;

// Gone for good: nothing of it can be installed, used or suspended any more.
const ENDED: readonly EsimState[] = ["REVOKED", "DELETED"];

const endedRefusal = (state: EsimState) => (state === "REVOKED" ? "revoked" : "deleted");

export type StaffResendResult =
  { status: "sent"; to: string } | { status: "not_found" } | { status: "revoked" | "deleted" } | RateLimited;

// The activation email again, with a fresh link (lib/esim/activation.ts), to the account's
// address or to the corrected one support typed. A revoked or deleted profile cannot be
// installed any more, so its email would only mislead.
export async function resendActivationForStaff(
  staff: AuditActor,
  esimId: string,
  correctedEmail?: string,
): Promise<StaffResendResult> {
  const esim = await db.esimProfile.findUnique({
    where: { id: esimId },
    select: { id: true, userId: true, state: true, user: { select: { email: true } } },
  });
  if (!esim) return { status: "not_found" };
  const to = correctedEmail ?? esim.user.email;
  const audit = { action: "esim.resend_activation", targetType: "esim", targetId: esim.id };
  const refuse = async (refusal: "revoked" | "deleted" | "rate_limited") =>
    recordRefusal(staff, { ...audit, after: { to, refusal } });
  if (ENDED.includes(esim.state)) {
    await refuse(endedRefusal(esim.state));
    return { status: endedRefusal(esim.state) };
  }
  const result = await resendActivationEmail(esim.id, esim.userId, "support", {
    to,
    alsoInTransaction: (tx) =>
      recordAudit(tx, staff, {
        ...audit,
        after: { to, accountEmail: esim.user.email, corrected: to !== esim.user.email },
      }),
  });
  if (result.status === "sent") return { status: "sent", to };
  if (result.status === "not_found") return { status: "not_found" };
  // Deleted or revoked since it was read above, or over the resend limit.
  await refuse(result.status);
  return result.status === "rate_limited"
    ? { status: "rate_limited", retryAfterSeconds: result.retryAfterSeconds }
    : { status: result.status };
}

export type SuspendResult =
  | { status: "suspended" | "resumed" | "revoked" }
  | { status: "not_found" }
  | { status: "already_suspended" | "not_suspended" | "already_revoked" | "deleted" };

type Change = { status: SuspendResult["status"]; before?: Prisma.InputJsonValue };

// Under the eSIM's row lock, as usage takes it (lib/balance/usage.ts): a record racing a
// suspension is applied before it or refused after it, never half.
async function underLock(
  staff: AuditActor,
  esimId: string,
  action: string,
  change: (tx: Prisma.TransactionClient, esim: NonNullable<Awaited<ReturnType<typeof lockEsim>>>) => Promise<Change>,
): Promise<SuspendResult> {
  const outcome = await db.$transaction(async (tx): Promise<Change> => {
    const esim = await lockEsim(tx, esimId);
    if (!esim) return { status: "not_found" };
    return change(tx, esim);
  });
  const done = outcome.status === "suspended" || outcome.status === "resumed" || outcome.status === "revoked";
  if (!done && outcome.status !== "not_found") {
    await recordRefusal(staff, {
      action,
      targetType: "esim",
      targetId: esimId,
      before: outcome.before,
      after: { refusal: outcome.status },
    });
  }
  return { status: outcome.status } as SuspendResult;
}

const snapshot = (esim: { state: EsimState; suspendedAt: Date | null }) => ({
  state: esim.state,
  suspendedAt: esim.suspendedAt?.toISOString() ?? null,
});

// Support stops the eSIM from being used (lost phone, suspected fraud) without ending it: the
// network's usage is refused and the customer is told, until support resumes it.
export function suspendEsim(staff: AuditActor, esimId: string, reason: string | null): Promise<SuspendResult> {
  return underLock(staff, esimId, "esim.suspend", async (tx, esim) => {
    const before = snapshot(esim);
    if (esim.suspendedAt) return { status: "already_suspended", before };
    if (ENDED.includes(esim.state)) return { status: esim.state === "REVOKED" ? "already_revoked" : "deleted", before };
    const suspendedAt = new Date();
    await tx.esimProfile.update({
      where: { id: esim.id },
      data: { suspendedAt, suspendedById: staff.id, suspendedReason: reason },
    });
    await tx.esimEvent.create({
      data: { esimId: esim.id, fromState: esim.state, toState: esim.state, source: SUSPEND_EVENT_SOURCE },
    });
    await recordAudit(tx, staff, {
      action: "esim.suspend",
      targetType: "esim",
      targetId: esim.id,
      before,
      after: { state: esim.state, suspendedAt: suspendedAt.toISOString(), reason },
    });
    return { status: "suspended" };
  });
}

export function resumeEsim(staff: AuditActor, esimId: string): Promise<SuspendResult> {
  return underLock(staff, esimId, "esim.resume", async (tx, esim) => {
    const before = snapshot(esim);
    if (!esim.suspendedAt) return { status: "not_suspended", before };
    await tx.esimProfile.update({
      where: { id: esim.id },
      data: { suspendedAt: null, suspendedById: null, suspendedReason: null },
    });
    await tx.esimEvent.create({
      data: { esimId: esim.id, fromState: esim.state, toState: esim.state, source: RESUME_EVENT_SOURCE },
    });
    await recordAudit(tx, staff, {
      action: "esim.resume",
      targetType: "esim",
      targetId: esim.id,
      before,
      after: { state: esim.state, suspendedAt: null },
    });
    return { status: "resumed" };
  });
}

// An admin ends the eSIM for good, as a full refund does (lib/orders/revoke-goods.ts), without
// giving money back: the SM-DP+ revokes the profile and what was left on it lapses in the
// ledger. A suspension ends with it, since there is nothing left to resume.
export function revokeEsim(staff: AuditActor, esimId: string): Promise<SuspendResult> {
  return underLock(staff, esimId, "esim.revoke", async (tx, esim) => {
    const before = snapshot(esim);
    if (esim.state === "REVOKED") return { status: "already_revoked", before };
    const to = nextState(esim.state, "revoke");
    if (!to) return { status: "deleted", before };
    const at = new Date();
    await tx.esimProfile.update({
      where: { id: esim.id },
      data: { state: to, suspendedAt: null, suspendedById: null, suspendedReason: null },
    });
    await tx.esimEvent.create({ data: { esimId: esim.id, fromState: esim.state, toState: to, source: "support" } });
    const lapsed = await lapseRemainingBalance(tx, esim.id, at, {
      reason: "revoked by staff",
      source: `staff:${staff.id ?? "command-line"}`,
    });
    await recordAudit(tx, staff, {
      action: "esim.revoke",
      targetType: "esim",
      targetId: esim.id,
      before,
      after: { state: to, suspendedAt: null, packagesLapsed: lapsed },
    });
    return { status: "revoked" };
  });
}
