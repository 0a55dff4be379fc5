import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "../db/client";
import { postgresLimiter, spend } from "../rate-limit";
import { type RateLimited, rateLimited } from "../result";
import { type AuditActor, recordAudit, recordRefusal } from "./audit";
import { replaceRecoveryCodes, spendRecoveryCode } from "./recovery-codes";
import { newTotpSecret, totpStep } from "./totp";

// Five codes per quarter hour, then the second factor is locked for the rest of it: a six-digit
// code cannot be guessed at that pace.
export const SECOND_FACTOR_ATTEMPTS = 5;
const attemptsByAccount = postgresLimiter("second_factor", SECOND_FACTOR_ATTEMPTS, 15 * 60);

export type StaffSignIn = { userId: string; sessionId: string };

export type Enrolment = { status: "enrolling"; secret: string } | { status: "enrolled" };

// The secret an authenticator is enrolled with: kept from the first visit until a code confirms
// it, so reloading the enrolment page shows the same QR code.
export async function enrolmentOf(userId: string): Promise<Enrolment> {
  const existing = await db.staffTotp.findUnique({ where: { userId } });
  if (existing?.confirmedAt) return { status: "enrolled" };
  if (existing) return { status: "enrolling", secret: existing.secret };
  const created = await db.staffTotp.upsert({
    where: { userId },
    create: { userId, secret: newTotpSecret() },
    update: {},
  });
  return { status: "enrolling", secret: created.secret };
}

type Refusal = { status: "wrong_code" } | RateLimited;

async function spendAttempt(actor: AuditActor, action: string): Promise<RateLimited | null> {
  const retryAfterSeconds = await spend(attemptsByAccount, actor.id ?? actor.email);
  if (retryAfterSeconds === 0) return null;
  await recordRefusal(actor, {
    action,
    targetType: "user",
    targetId: actor.id,
    after: { outcome: "locked" },
  });
  return rateLimited(retryAfterSeconds);
}

async function refuse(actor: AuditActor, action: string, outcome: string): Promise<Refusal> {
  await recordRefusal(actor, { action, targetType: "user", targetId: actor.id, after: { outcome } });
  return { status: "wrong_code" };
}

async function markSessionVerified(tx: Prisma.TransactionClient, signIn: StaffSignIn, now: Date) {
  await tx.staffSessionFactor.upsert({
    where: { sessionId: signIn.sessionId },
    create: { sessionId: signIn.sessionId, userId: signIn.userId, verifiedAt: now },
    update: { verifiedAt: now },
  });
}

// The step is taken in the same statement that checks it is newer than the last one used, so a
// code replayed, even by two requests at once, passes once.
async function takeStep(tx: Prisma.TransactionClient, userId: string, step: number, confirm: boolean) {
  const { count } = await tx.staffTotp.updateMany({
    where: { userId, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: step } }] },
    data: { lastUsedStep: step, ...(confirm ? { confirmedAt: new Date() } : {}) },
  });
  return count === 1;
}

// The first code from a newly enrolled authenticator: proves it holds the secret, passes this
// session's second factor and answers the recovery codes, shown once.
export async function confirmEnrolment(
  signIn: StaffSignIn,
  actor: AuditActor,
  code: string,
  now = new Date(),
): Promise<{ status: "confirmed"; recoveryCodes: string[] } | { status: "already_enrolled" } | Refusal> {
  const totp = await db.staffTotp.findUnique({ where: { userId: signIn.userId } });
  if (!totp) return refuse(actor, "second_factor.enrol_failed", "not_started");
  if (totp.confirmedAt) return { status: "already_enrolled" };
  const limited = await spendAttempt(actor, "second_factor.enrol_failed");
  if (limited) return limited;
  const step = await totpStep(totp.secret, code, now);
  if (step === null) return refuse(actor, "second_factor.enrol_failed", "wrong_code");
  const recoveryCodes = await db.$transaction(async (tx) => {
    if (!(await takeStep(tx, signIn.userId, step, true))) return null;
    await markSessionVerified(tx, signIn, now);
    await recordAudit(tx, actor, { action: "second_factor.enrolled", targetType: "user", targetId: signIn.userId });
    return replaceRecoveryCodes(tx, signIn.userId);
  });
  if (!recoveryCodes) return refuse(actor, "second_factor.enrol_failed", "replayed");
  await attemptsByAccount.delete(actor.id ?? actor.email);
  return { status: "confirmed", recoveryCodes };
}

const TOTP_CODE = /^\d{6}$/;

// A code from the authenticator, or one of the recovery codes (each works once).
export async function verifySecondFactor(
  signIn: StaffSignIn,
  actor: AuditActor,
  code: string,
  now = new Date(),
): Promise<{ status: "verified"; usedRecoveryCode: boolean } | { status: "not_enrolled" } | Refusal> {
  const totp = await db.staffTotp.findUnique({ where: { userId: signIn.userId } });
  if (!totp?.confirmedAt) return { status: "not_enrolled" };
  const limited = await spendAttempt(actor, "second_factor.failed");
  if (limited) return limited;
  const isTotp = TOTP_CODE.test(code);
  const step = isTotp ? await totpStep(totp.secret, code, now) : null;
  if (isTotp && step === null) return refuse(actor, "second_factor.failed", "wrong_code");
  const passed = await db.$transaction(async (tx) => {
    const accepted =
      step === null
        ? await spendRecoveryCode(tx, signIn.userId, code, now)
        : await takeStep(tx, signIn.userId, step, false);
    if (!accepted) return false;
    await markSessionVerified(tx, signIn, now);
    await recordAudit(tx, actor, {
      action: "second_factor.verified",
      targetType: "user",
      targetId: signIn.userId,
      after: { method: step === null ? "recovery_code" : "totp" },
    });
    return true;
  });
  if (!passed) return refuse(actor, "second_factor.failed", isTotp ? "replayed" : "wrong_recovery_code");
  await attemptsByAccount.delete(actor.id ?? actor.email);
  return { status: "verified", usedRecoveryCode: !isTotp };
}
