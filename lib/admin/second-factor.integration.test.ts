import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { newAccount, type TestAccount } from "../testing/staff";
import { uniqueIp } from "../testing/users";
import type { AuditActor } from "./audit";
import { normalizedRecoveryCode, RECOVERY_CODE_COUNT } from "./recovery-codes";
import { confirmEnrolment, enrolmentOf, SECOND_FACTOR_ATTEMPTS, verifySecondFactor } from "./second-factor";
import { totpCodeAt } from "./totp";

const PERIOD_MS = 30_000;

function actorOf(account: TestAccount): AuditActor {
  return { id: account.id, email: account.email, role: account.role, ip: uniqueIp() };
}

const signInOf = (account: TestAccount) => ({ userId: account.id, sessionId: randomUUID() });

const passed = (sessionId: string) => db.staffSessionFactor.findUnique({ where: { sessionId } });

const auditOf = (userId: string) =>
  db.auditEntry.findMany({
    where: { actorId: userId },
    orderBy: { createdAt: "asc" },
    select: { action: true, after: true },
  });

// A staff member with a confirmed authenticator and its recovery codes.
async function enrolled(role: "SUPPORT" | "ADMIN" = "SUPPORT") {
  const account = await newAccount(role);
  const enrolment = await enrolmentOf(account.id);
  if (enrolment.status !== "enrolling") throw new Error("expected a new enrolment");
  // The enrolment uses the previous period's code, so tests can use the current one afterwards.
  const earlier = new Date(Date.now() - PERIOD_MS);
  const result = await confirmEnrolment(
    signInOf(account),
    actorOf(account),
    await totpCodeAt(enrolment.secret, earlier),
    earlier,
  );
  if (result.status !== "confirmed") throw new Error(`enrolment failed: ${result.status}`);
  return { account, secret: enrolment.secret, recoveryCodes: result.recoveryCodes };
}

describe("enrolling an authenticator", () => {
  it("keeps one secret until confirmed, then answers recovery codes once and passes that session", async () => {
    const account = await newAccount("ADMIN");
    const first = await enrolmentOf(account.id);
    expect(await enrolmentOf(account.id)).toEqual(first);
    if (first.status !== "enrolling") throw new Error("expected a new enrolment");

    const signIn = signInOf(account);
    const result = await confirmEnrolment(signIn, actorOf(account), await totpCodeAt(first.secret, new Date()));
    expect(result.status).toBe("confirmed");
    if (result.status !== "confirmed") return;
    expect(new Set(result.recoveryCodes).size).toBe(RECOVERY_CODE_COUNT);
    expect(await passed(signIn.sessionId)).toMatchObject({ userId: account.id });
    // The codes are kept only as hashes.
    const stored = await db.staffRecoveryCode.findMany({ where: { userId: account.id } });
    expect(stored.map((code) => code.codeHash)).not.toContain(normalizedRecoveryCode(result.recoveryCodes[0]!));

    expect(await enrolmentOf(account.id)).toEqual({ status: "enrolled" });
    expect(await confirmEnrolment(signInOf(account), actorOf(account), "123456")).toEqual({
      status: "already_enrolled",
    });
  });

  it("refuses a wrong first code, passes nothing and writes the attempt to the audit log", async () => {
    const account = await newAccount("SUPPORT");
    const enrolment = await enrolmentOf(account.id);
    if (enrolment.status !== "enrolling") throw new Error("expected a new enrolment");
    const code = await totpCodeAt(enrolment.secret, new Date(Date.now() + 10 * PERIOD_MS));
    const signIn = signInOf(account);
    expect(await confirmEnrolment(signIn, actorOf(account), code)).toEqual({ status: "wrong_code" });
    expect(await passed(signIn.sessionId)).toBeNull();
    expect(await db.staffTotp.findUnique({ where: { userId: account.id } })).toMatchObject({ confirmedAt: null });
    expect(await auditOf(account.id)).toEqual([
      { action: "second_factor.enrol_failed", after: { outcome: "wrong_code" } },
    ]);
  });
});

describe("passing the second factor", () => {
  it("accepts the authenticator's current code once: the same code replayed is refused and audited", async () => {
    const { account, secret } = await enrolled();
    const code = await totpCodeAt(secret, new Date());
    const [first, replay] = [signInOf(account), signInOf(account)];
    expect(await verifySecondFactor(first, actorOf(account), code)).toEqual({
      status: "verified",
      usedRecoveryCode: false,
    });
    expect(await verifySecondFactor(replay, actorOf(account), code)).toEqual({ status: "wrong_code" });
    expect(await passed(first.sessionId)).not.toBeNull();
    expect(await passed(replay.sessionId)).toBeNull();
    expect((await auditOf(account.id)).slice(-2)).toEqual([
      { action: "second_factor.verified", after: { method: "totp" } },
      { action: "second_factor.failed", after: { outcome: "replayed" } },
    ]);
  });

  it("lets the same code through only once when two sessions send it at the same moment", async () => {
    const { account, secret } = await enrolled();
    const code = await totpCodeAt(secret, new Date());
    const sessions = [signInOf(account), signInOf(account), signInOf(account)];
    const results = await Promise.all(sessions.map((signIn) => verifySecondFactor(signIn, actorOf(account), code)));
    expect(results.filter((result) => result.status === "verified")).toHaveLength(1);
  });

  it("accepts each recovery code once, typed in any case and without its dash", async () => {
    const { account, recoveryCodes } = await enrolled("ADMIN");
    const typed = recoveryCodes[3]!.toLowerCase().replace("-", " ");
    const signIn = signInOf(account);
    expect(await verifySecondFactor(signIn, actorOf(account), typed)).toEqual({
      status: "verified",
      usedRecoveryCode: true,
    });
    expect(await verifySecondFactor(signInOf(account), actorOf(account), recoveryCodes[3]!)).toEqual({
      status: "wrong_code",
    });
    expect(await db.staffRecoveryCode.count({ where: { userId: account.id, usedAt: null } })).toBe(
      RECOVERY_CODE_COUNT - 1,
    );
  });

  it(`locks after ${SECOND_FACTOR_ATTEMPTS} wrong codes: even the right one is refused, and the lock is audited`, async () => {
    const { account, secret } = await enrolled();
    for (let attempt = 0; attempt < SECOND_FACTOR_ATTEMPTS; attempt += 1) {
      expect((await verifySecondFactor(signInOf(account), actorOf(account), "000000")).status).toBe("wrong_code");
    }
    const signIn = signInOf(account);
    const locked = await verifySecondFactor(signIn, actorOf(account), await totpCodeAt(secret, new Date()));
    expect(locked).toMatchObject({ status: "rate_limited" });
    if (locked.status === "rate_limited") expect(locked.retryAfterSeconds).toBeGreaterThan(60);
    expect(await passed(signIn.sessionId)).toBeNull();
    const audit = await auditOf(account.id);
    expect(audit.filter((entry) => entry.action === "second_factor.failed")).toHaveLength(SECOND_FACTOR_ATTEMPTS + 1);
    expect(audit.at(-1)).toEqual({ action: "second_factor.failed", after: { outcome: "locked" } });
  });

  it("is not offered to an account that has not enrolled", async () => {
    const account = await newAccount("SUPPORT");
    expect(await verifySecondFactor(signInOf(account), actorOf(account), "123456")).toEqual({ status: "not_enrolled" });
  });
});
