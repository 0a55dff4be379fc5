import type { Role } from "@prisma/client";
import { describe, expect, it, vi } from "vitest";
import { apiCallerFor } from "@/lib/api/tokens";
import { db } from "@/lib/db/client";
import { newApiToken } from "@/lib/testing/api-tokens";
import { newBuyer } from "@/lib/testing/shop";
import { newAccount, signInAs } from "@/lib/testing/staff";
import {
  changeRoleAction,
  correctEmailAction,
  endSessionsAction,
  lockAction,
  revokeTokensAction,
  unlockAction,
} from "./actions";

vi.mock("@/lib/auth/auth", async () => (await import("@/lib/testing/staff")).mockedAuth);
vi.mock("next/navigation", async () => (await import("@/lib/testing/staff")).mockedNavigation);
vi.mock("@/lib/i18n/navigation", async () => (await import("@/lib/testing/staff")).mockedNavigation);
vi.mock("next-intl/server", () => ({ getLocale: async () => "en" }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "10.4.5.7" }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const EMPTY = { values: {}, fieldErrors: {} };

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

const account = (id: string) => db.user.findUniqueOrThrow({ where: { id } });
const auditOf = (action: string, targetId: string) =>
  db.auditEntry.findMany({ where: { action, targetId }, orderBy: { createdAt: "asc" } });
const bearer = (token: string) => `Bearer ${token}`;

describe("who may change an account", () => {
  it("is an admin: support and customers get a 404, and nothing changes", async () => {
    const customer = await newBuyer();
    const before = await account(customer.id);
    for (const role of ["SUPPORT", "CUSTOMER"] as const) {
      await signedIn(role);
      for (const action of [endSessionsAction, lockAction, unlockAction, revokeTokensAction]) {
        await expect(action(EMPTY, form({ userId: customer.id }))).rejects.toThrow("NEXT_NOT_FOUND");
      }
      await expect(correctEmailAction(EMPTY, form({ userId: customer.id, email: "x@example.test" }))).rejects.toThrow(
        "NEXT_NOT_FOUND",
      );
      await expect(changeRoleAction(EMPTY, form({ userId: customer.id, role: "ADMIN" }))).rejects.toThrow(
        "NEXT_NOT_FOUND",
      );
    }
    expect(await account(customer.id)).toEqual(before);
  });

  it("answers 404 for an account that does not exist", async () => {
    await signedIn("ADMIN");
    await expect(lockAction(EMPTY, form({ userId: "cnotanaccountatall0000000" }))).rejects.toThrow("NEXT_NOT_FOUND");
  });
});

describe("sessions and API tokens", () => {
  it("ends every session and token of the account, audited with before and after", async () => {
    const customer = await newBuyer();
    const { token } = await newApiToken(customer);
    await signedIn("ADMIN");
    const started = new Date();

    expect((await endSessionsAction(EMPTY, form({ userId: customer.id }))).done).toBe("ended");
    const after = await account(customer.id);
    expect(after.sessionsValidFrom!.getTime()).toBeGreaterThanOrEqual(started.getTime() - 1000);
    expect(await apiCallerFor(bearer(token))).toBeNull();
    const [entry] = await auditOf("user.end_sessions", customer.id);
    expect(entry!.before).toMatchObject({ sessionsValidFrom: null, activeTokenIds: [expect.any(String)] });
    expect(entry!.after).toMatchObject({ activeTokenIds: [] });
  });

  it("revokes one token or all of them, and refuses when there is none to revoke", async () => {
    const customer = await newBuyer();
    const [first, second, third] = [
      await newApiToken(customer),
      await newApiToken(customer),
      await newApiToken(customer),
    ];
    const stranger = await newApiToken(await newBuyer());
    await signedIn("ADMIN");

    // Another account's token is not this account's to revoke.
    expect((await revokeTokensAction(EMPTY, form({ userId: customer.id, tokenId: stranger.id }))).formError).toBe(
      "token_not_active",
    );
    expect(await apiCallerFor(bearer(stranger.token))).not.toBeNull();

    expect((await revokeTokensAction(EMPTY, form({ userId: customer.id, tokenId: first!.id }))).done).toBe("revoked");
    expect(await apiCallerFor(bearer(first!.token))).toBeNull();
    expect(await apiCallerFor(bearer(second!.token))).not.toBeNull();
    expect((await revokeTokensAction(EMPTY, form({ userId: customer.id, tokenId: first!.id }))).formError).toBe(
      "token_not_active",
    );

    expect((await revokeTokensAction(EMPTY, form({ userId: customer.id, tokenId: "" }))).done).toBe("revoked");
    expect(await apiCallerFor(bearer(second!.token))).toBeNull();
    expect(await apiCallerFor(bearer(third!.token))).toBeNull();
    expect((await revokeTokensAction(EMPTY, form({ userId: customer.id }))).formError).toBe("no_tokens");

    const entries = await auditOf("user.revoke_tokens", customer.id);
    expect(entries.map((entry) => (entry.after as { refusal?: string }).refusal)).toEqual([
      "token_not_active",
      undefined,
      "token_not_active",
      undefined,
      "no_tokens",
    ]);
    expect(entries[1]!.after).toMatchObject({ revokedTokenIds: [first!.id] });
    expect((entries[3]!.after as { revokedTokenIds: string[] }).revokedTokenIds.sort()).toEqual(
      [second!.id, third!.id].sort(),
    );
  });
});

describe("locking an account", () => {
  it("locks (ending sessions, refusing its tokens) and unlocks (its tokens work again), refusing repeats", async () => {
    const customer = await newBuyer();
    const { token } = await newApiToken(customer);
    await signedIn("ADMIN");

    expect((await unlockAction(EMPTY, form({ userId: customer.id }))).formError).toBe("not_locked");
    expect((await lockAction(EMPTY, form({ userId: customer.id }))).done).toBe("locked");
    const locked = await account(customer.id);
    expect(locked.lockedAt).toBeInstanceOf(Date);
    expect(locked.sessionsValidFrom).toEqual(locked.lockedAt);
    expect(await apiCallerFor(bearer(token))).toBeNull();
    expect((await lockAction(EMPTY, form({ userId: customer.id }))).formError).toBe("already_locked");
    expect((await account(customer.id)).lockedAt).toEqual(locked.lockedAt);

    expect((await unlockAction(EMPTY, form({ userId: customer.id }))).done).toBe("unlocked");
    expect((await account(customer.id)).lockedAt).toBeNull();
    expect(await apiCallerFor(bearer(token))).not.toBeNull();

    const [lockEntry] = await auditOf("user.lock", customer.id);
    expect(lockEntry!.before).toEqual({ lockedAt: null });
    expect(lockEntry!.after).toMatchObject({ lockedAt: locked.lockedAt!.toISOString() });
    const unlocks = await auditOf("user.unlock", customer.id);
    expect(unlocks.map((entry) => (entry.after as { refusal?: string; lockedAt?: null }).refusal)).toEqual([
      "not_locked",
      undefined,
    ]);
  });

  it("refuses an admin locking their own account", async () => {
    const admin = await signedIn("ADMIN");
    expect((await lockAction(EMPTY, form({ userId: admin.id }))).formError).toBe("self");
    expect((await account(admin.id)).lockedAt).toBeNull();
  });
});

describe("correcting the email", () => {
  it("moves the account to the new address, unconfirmed, with a confirmation link sent there", async () => {
    const customer = await newBuyer();
    await db.user.update({ where: { id: customer.id }, data: { emailVerified: new Date() } });
    await signedIn("ADMIN");
    const corrected = `fixed-${customer.email}`;

    const state = await correctEmailAction(EMPTY, form({ userId: customer.id, email: corrected.toUpperCase() }));
    expect(state.done).toBe("corrected");
    expect(await account(customer.id)).toMatchObject({ email: corrected, emailVerified: null });
    const emails = await db.outboxEmail.findMany({ where: { userId: customer.id }, orderBy: { createdAt: "asc" } });
    expect(emails.slice(-2).map((email) => [email.template, email.to])).toEqual([
      ["verify-email", corrected],
      ["email-changed", customer.email],
    ]);
    const [entry] = await auditOf("user.correct_email", customer.id);
    expect(entry!.before).toMatchObject({ email: customer.email });
    expect(entry!.after).toEqual({ email: corrected, emailVerified: null });
  });

  it("refuses an address another account has, the same address, and one that is not an address", async () => {
    const customer = await newBuyer();
    const other = await newBuyer();
    await signedIn("ADMIN");
    const before = await account(customer.id);
    const emailsBefore = await db.outboxEmail.count({ where: { userId: customer.id } });

    expect((await correctEmailAction(EMPTY, form({ userId: customer.id, email: other.email }))).fieldErrors).toEqual({
      email: ["email_in_use"],
    });
    expect((await correctEmailAction(EMPTY, form({ userId: customer.id, email: customer.email }))).formError).toBe(
      "unchanged",
    );
    expect((await correctEmailAction(EMPTY, form({ userId: customer.id, email: "nope" }))).fieldErrors).toEqual({
      email: ["email_invalid"],
    });
    expect(await account(customer.id)).toEqual(before);
    expect(await db.outboxEmail.count({ where: { userId: customer.id } })).toBe(emailsBefore);
    const refusals = await auditOf("user.correct_email", customer.id);
    expect(refusals.map((entry) => (entry.after as { refusal: string }).refusal)).toEqual([
      "email_in_use",
      "unchanged",
    ]);
  });
});

describe("changing a role", () => {
  it("promotes and demotes through the roles table, audited, and refuses an admin demoting themselves", async () => {
    const customer = await newBuyer();
    const admin = await signedIn("ADMIN");

    expect((await changeRoleAction(EMPTY, form({ userId: customer.id, role: "SUPPORT" }))).done).toBe("changed");
    expect((await account(customer.id)).role).toBe("SUPPORT");
    expect((await changeRoleAction(EMPTY, form({ userId: customer.id, role: "SUPPORT" }))).formError).toBe("unchanged");
    const [entry] = await auditOf("user.role", customer.id);
    expect(entry).toMatchObject({ before: { role: "CUSTOMER" }, after: { role: "SUPPORT" }, actorId: admin.id });

    expect((await changeRoleAction(EMPTY, form({ userId: admin.id, role: "CUSTOMER" }))).formError).toBe(
      "self_demotion",
    );
    expect((await account(admin.id)).role).toBe("ADMIN");
    expect((await changeRoleAction(EMPTY, form({ userId: customer.id, role: "OWNER" }))).fieldErrors).toEqual({
      role: ["role_invalid"],
    });
    expect((await account(customer.id)).role).toBe("SUPPORT");
  });
});
