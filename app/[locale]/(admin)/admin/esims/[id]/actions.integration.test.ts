import type { Role } from "@prisma/client";
import { describe, expect, it, vi } from "vitest";
import { POST as postUsage } from "@/app/api/v1/esims/[iccid]/usage/route";
import { recordUsage } from "@/lib/balance/usage";
import { db } from "@/lib/db/client";
import { findByActivationToken } from "@/lib/esim/activation";
import { applyLifecycleEvent } from "@/lib/esim/profiles";
import { fulfilCheckout } from "@/lib/orders/fulfilment";
import { startScenario } from "@/lib/scenarios/start";
import { newApiToken } from "@/lib/testing/api-tokens";
import { activeEsim, paidWithoutDelivery } from "@/lib/testing/shop";
import { newAccount, signInAs } from "@/lib/testing/staff";
import { resendActivationAction, resumeEsimAction, revokeEsimAction, suspendEsimAction } from "./actions";

vi.mock("@/lib/auth/auth", async () => (await import("@/lib/testing/staff")).mockedAuth);
vi.mock("next/navigation", async () => (await import("@/lib/testing/staff")).mockedNavigation);
vi.mock("@/lib/i18n/navigation", async () => (await import("@/lib/testing/staff")).mockedNavigation);
vi.mock("next-intl/server", () => ({ getLocale: async () => "en" }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "10.4.5.6" }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const EMPTY = { values: {}, fieldErrors: {} };
const MB = 1_048_576n;

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

async function signedIn(role: Role) {
  const account = await newAccount(role);
  await signInAs(account);
  return account;
}

// A bought eSIM not yet downloaded: what a resend is for.
async function releasedEsim() {
  const { buyer, order, sessionId } = await paidWithoutDelivery();
  expect(await fulfilCheckout(sessionId)).toEqual({ status: "fulfilled" });
  const esim = await db.esimProfile.findFirstOrThrow({ where: { orderId: order.id } });
  return { buyer, esim };
}

const profile = (id: string) => db.esimProfile.findUniqueOrThrow({ where: { id } });
const auditOf = (action: string, targetId: string) =>
  db.auditEntry.findMany({ where: { action, targetId }, orderBy: { createdAt: "asc" } });
const activationEmails = (userId: string) =>
  db.outboxEmail.findMany({ where: { userId, template: "esim-activation" }, orderBy: { createdAt: "asc" } });

const use = (esim: { id: string; userId: string }, recordId: string) =>
  recordUsage({ esimId: esim.id, userId: esim.userId, recordId, dataBytes: 10n * MB, voiceSeconds: 0, source: "test" });

describe("resending the activation email from the console", () => {
  it("queues a fresh link to the account's address, retiring the old one, in one audited step", async () => {
    const { buyer, esim } = await releasedEsim();
    const oldToken = ((await activationEmails(buyer.id))[0]!.payload as { token: string }).token;
    const staff = await signedIn("SUPPORT");

    const state = await resendActivationAction(EMPTY, form({ esimId: esim.id, email: "" }));
    expect(state).toMatchObject({ sentTo: buyer.email, fieldErrors: {} });
    const emails = await activationEmails(buyer.id);
    expect(emails).toHaveLength(2);
    expect(emails[1]!.to).toBe(buyer.email);
    expect(await findByActivationToken(oldToken)).toEqual({ status: "unknown" });
    const newToken = (emails[1]!.payload as { token: string }).token;
    expect((await findByActivationToken(newToken)).status).toBe("ok");
    const [entry] = await auditOf("esim.resend_activation", esim.id);
    expect(entry).toMatchObject({ actorId: staff.id, actorRole: "SUPPORT" });
    expect(entry!.after).toMatchObject({ to: buyer.email, corrected: false });
  });

  it("sends to a corrected address typed by staff, and refuses one that is not an address", async () => {
    const { buyer, esim } = await releasedEsim();
    await signedIn("SUPPORT");

    const refused = await resendActivationAction(EMPTY, form({ esimId: esim.id, email: "not an address" }));
    expect(refused.fieldErrors).toEqual({ email: ["email_invalid"] });
    expect(await activationEmails(buyer.id)).toHaveLength(1);
    expect(await auditOf("esim.resend_activation", esim.id)).toEqual([]);

    const state = await resendActivationAction(EMPTY, form({ esimId: esim.id, email: " Right@Example.TEST " }));
    expect(state.sentTo).toBe("right@example.test");
    const emails = await activationEmails(buyer.id);
    expect(emails.map((email) => email.to)).toEqual([buyer.email, "right@example.test"]);
    // The account keeps its address: only this email goes elsewhere.
    expect((await db.user.findUniqueOrThrow({ where: { id: buyer.id } })).email).toBe(buyer.email);
    const [entry] = await auditOf("esim.resend_activation", esim.id);
    expect(entry!.after).toMatchObject({ to: "right@example.test", accountEmail: buyer.email, corrected: true });
  });

  it("is refused, with the attempt audited and no email, for a revoked or deleted profile", async () => {
    for (const end of ["revoke", "delete"] as const) {
      const { buyer, esim } = await releasedEsim();
      if (end === "delete") await applyLifecycleEvent(esim.id, buyer.id, "delete", "test", {});
      else await db.esimProfile.update({ where: { id: esim.id }, data: { state: "REVOKED" } });
      await signedIn("ADMIN");
      const state = await resendActivationAction(EMPTY, form({ esimId: esim.id, email: "" }));
      expect(state.formError).toBe(end === "revoke" ? "revoked" : "deleted");
      expect(await activationEmails(buyer.id)).toHaveLength(1);
      const [entry] = await auditOf("esim.resend_activation", esim.id);
      expect(entry!.after).toMatchObject({ refusal: end === "revoke" ? "revoked" : "deleted" });
    }
  });

  it("answers 404 for an eSIM that does not exist", async () => {
    await signedIn("SUPPORT");
    await expect(
      resendActivationAction(EMPTY, form({ esimId: "cnotanesimatall000000000", email: "" })),
    ).rejects.toThrow("NEXT_NOT_FOUND");
  });
});

describe("suspending and resuming an eSIM", () => {
  it("refuses usage while suspended, from the lib, the API and scenarios, and accepts it again after resume", async () => {
    const { buyer, esim } = await activeEsim();
    const staff = await signedIn("SUPPORT");
    const { token } = await newApiToken(buyer);
    expect((await use(esim, "before")).status).toBe("recorded");

    const suspended = await suspendEsimAction(EMPTY, form({ esimId: esim.id, reason: "lost phone" }));
    expect(suspended.done).toBe("suspended");
    const stored = await profile(esim.id);
    expect(stored).toMatchObject({ state: "ENABLED", suspendedById: staff.id, suspendedReason: "lost phone" });
    expect(stored.suspendedAt).toBeInstanceOf(Date);
    const debited = stored.ledgerDebitedBytes;

    expect(await use(esim, "while-suspended")).toEqual({ status: "suspended", suspendedAt: stored.suspendedAt });
    const response = await postUsage(
      new Request(`http://127.0.0.1/api/v1/esims/${esim.iccid}/usage`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ record_id: "api-while-suspended", data_bytes: 1000 }),
      }),
      { params: Promise.resolve({ iccid: esim.iccid }) },
    );
    expect(response.status).toBe(409);
    expect((await response.json()).error.code).toBe("esim_suspended");
    expect(await startScenario(esim.id, buyer.id, { type: "usage_stream", mb: 10, hours: 1 })).toEqual({
      status: "suspended",
    });
    expect(await db.usageRecord.count({ where: { esimId: esim.id } })).toBe(1);
    expect((await profile(esim.id)).ledgerDebitedBytes).toBe(debited);

    const resumed = await resumeEsimAction(EMPTY, form({ esimId: esim.id }));
    expect(resumed.done).toBe("resumed");
    expect(await profile(esim.id)).toMatchObject({ suspendedAt: null, suspendedById: null, suspendedReason: null });
    expect((await use(esim, "after-resume")).status).toBe("recorded");
    expect((await profile(esim.id)).ledgerDebitedBytes).toBe(debited + 10n * MB);

    const events = await db.esimEvent.findMany({ where: { esimId: esim.id }, orderBy: { createdAt: "asc" } });
    expect(events.slice(-2).map((event) => [event.source, event.fromState, event.toState])).toEqual([
      ["support:suspend", "ENABLED", "ENABLED"],
      ["support:resume", "ENABLED", "ENABLED"],
    ]);
    const [suspendEntry] = await auditOf("esim.suspend", esim.id);
    expect(suspendEntry!.before).toEqual({ state: "ENABLED", suspendedAt: null });
    expect(suspendEntry!.after).toMatchObject({ reason: "lost phone" });
    const [resumeEntry] = await auditOf("esim.resume", esim.id);
    expect(resumeEntry!.after).toEqual({ state: "ENABLED", suspendedAt: null });
  });

  it("keeps traffic on a suspended installed eSIM from starting its validity", async () => {
    const { buyer, esim } = await releasedEsim();
    for (const step of ["download", "install"] as const) await applyLifecycleEvent(esim.id, buyer.id, step, "test");
    await signedIn("SUPPORT");
    await suspendEsimAction(EMPTY, form({ esimId: esim.id, reason: "" }));
    expect((await use(esim, "first")).status).toBe("suspended");
    expect(await profile(esim.id)).toMatchObject({ state: "INSTALLED", validFrom: null, suspendedReason: null });
  });

  it("refuses to suspend twice, to resume what is not suspended, and to suspend an ended eSIM, changing nothing", async () => {
    const { esim } = await activeEsim();
    await signedIn("SUPPORT");
    expect((await resumeEsimAction(EMPTY, form({ esimId: esim.id }))).formError).toBe("not_suspended");
    await suspendEsimAction(EMPTY, form({ esimId: esim.id, reason: "first" }));
    const suspended = await profile(esim.id);
    expect((await suspendEsimAction(EMPTY, form({ esimId: esim.id, reason: "second" }))).formError).toBe(
      "already_suspended",
    );
    expect(await profile(esim.id)).toEqual(suspended);

    const refusals = await db.auditEntry.findMany({
      where: { targetId: esim.id, action: { in: ["esim.suspend", "esim.resume"] } },
      orderBy: { createdAt: "asc" },
    });
    expect(refusals.map((entry) => [entry.action, (entry.after as { refusal?: string }).refusal])).toEqual([
      ["esim.resume", "not_suspended"],
      ["esim.suspend", undefined],
      ["esim.suspend", "already_suspended"],
    ]);

    const { esim: other } = await activeEsim();
    await db.esimProfile.update({ where: { id: other.id }, data: { state: "REVOKED" } });
    expect((await suspendEsimAction(EMPTY, form({ esimId: other.id }))).formError).toBe("already_revoked");
    await db.esimProfile.update({ where: { id: other.id }, data: { state: "DELETED" } });
    expect((await suspendEsimAction(EMPTY, form({ esimId: other.id }))).formError).toBe("deleted");
    expect((await profile(other.id)).suspendedAt).toBeNull();
  });

  it("refuses a reason that is too long, changing nothing", async () => {
    const { esim } = await activeEsim();
    await signedIn("SUPPORT");
    const state = await suspendEsimAction(EMPTY, form({ esimId: esim.id, reason: "x".repeat(501) }));
    expect(state.fieldErrors).toEqual({ reason: ["suspend_reason_too_long"] });
    expect((await profile(esim.id)).suspendedAt).toBeNull();
    expect(await auditOf("esim.suspend", esim.id)).toEqual([]);
  });
});

describe("revoking an eSIM", () => {
  it("is for admins, needs the box ticked, and revokes the profile with its data lapsed, audited", async () => {
    const { esim } = await activeEsim();
    await signedIn("SUPPORT");
    await expect(revokeEsimAction(EMPTY, form({ esimId: esim.id, confirm: "on" }))).rejects.toThrow("NEXT_NOT_FOUND");

    const admin = await signedIn("ADMIN");
    const unconfirmed = await revokeEsimAction(EMPTY, form({ esimId: esim.id }));
    expect(unconfirmed.fieldErrors).toEqual({ confirm: ["revoke_unconfirmed"] });
    expect((await profile(esim.id)).state).toBe("ENABLED");

    await suspendEsimAction(EMPTY, form({ esimId: esim.id, reason: "fraud" }));
    const state = await revokeEsimAction(EMPTY, form({ esimId: esim.id, confirm: "on" }));
    expect(state.done).toBe("revoked");
    const revoked = await profile(esim.id);
    expect(revoked).toMatchObject({ state: "REVOKED", suspendedAt: null });
    expect(revoked.ledgerDebitedBytes).toBe(revoked.ledgerCreditedBytes);
    const lapses = await db.ledgerEntry.findMany({ where: { esimId: esim.id, kind: "EXPIRY" } });
    expect(lapses.map((entry) => [entry.reason, entry.source])).toEqual([["revoked by staff", `staff:${admin.id}`]]);
    const [event] = await db.esimEvent.findMany({ where: { esimId: esim.id, toState: "REVOKED" } });
    expect(event).toMatchObject({ fromState: "ENABLED", source: "support" });
    const [entry] = await auditOf("esim.revoke", esim.id);
    expect(entry!.before).toMatchObject({ state: "ENABLED" });
    expect(entry!.after).toMatchObject({ state: "REVOKED", packagesLapsed: 1 });

    expect((await revokeEsimAction(EMPTY, form({ esimId: esim.id, confirm: "on" }))).formError).toBe("already_revoked");
    expect((await use(esim, "after-revoke")).status).toBe("not_active");
  });
});
