import { randomUUID } from "node:crypto";
import type { EmailStatus, Prisma, Role } from "@prisma/client";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { queuedJob } from "@/lib/testing/shop";
import { newAccount, signInAs } from "@/lib/testing/staff";
import { retryEmailAction } from "./actions";

vi.mock("@/lib/auth/auth", async () => (await import("@/lib/testing/staff")).mockedAuth);
vi.mock("next/navigation", async () => (await import("@/lib/testing/staff")).mockedNavigation);
vi.mock("@/lib/i18n/navigation", async () => (await import("@/lib/testing/staff")).mockedNavigation);
vi.mock("next-intl/server", () => ({ getLocale: async () => "en" }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "10.4.5.6" }) }));

const EMPTY = { values: {}, fieldErrors: {} };

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

async function email(
  status: EmailStatus,
  { template = "order-receipt", payload = { name: "Aiko", reference: "TB-TEST0001" } as Prisma.InputJsonObject } = {},
) {
  return db.outboxEmail.create({
    data: {
      to: `retry-${randomUUID()}@example.test`,
      locale: "en",
      template,
      payload,
      status,
      attempts: status === "FAILED" ? 20 : 3,
      lastError: status === "SENT" ? null : "550 mailbox unavailable",
      nextAttemptAt: new Date(Date.now() + 60 * 60 * 1000),
      sentAt: status === "SENT" ? new Date() : null,
    },
  });
}

const emailOf = (id: string) => db.outboxEmail.findUniqueOrThrow({ where: { id } });
const auditOf = (targetId: string) =>
  db.auditEntry.findMany({ where: { action: "email.retry", targetId }, orderBy: { createdAt: "asc" } });

async function signIn(role: Role, secondFactor = true) {
  const account = await newAccount(role);
  await signInAs(account, { secondFactor });
  return account;
}

// The delivery job is keyed, and making an account queues it (the verification email): each
// test takes it away once set up, so it sees only the one its retry adds.
const clearDeliveryJob = () => db.$executeRaw`SELECT FROM graphile_worker.remove_job('deliver-emails')`;

describe("retrying a failed email", () => {
  it.each(["SUPPORT", "ADMIN"] as const)(
    "%s puts it back to pending with fresh attempts, queues its delivery and audits it",
    async (role) => {
      const staff = await signIn(role);
      const failed = await email("FAILED");
      await clearDeliveryJob();
      const call = retryEmailAction(EMPTY, form({ emailId: failed.id, status: "FAILED", page: "2" }));
      await expect(call).rejects.toThrow(
        `NEXT_REDIRECT ${JSON.stringify({
          href: { pathname: "/admin/outbox", query: { notice: "queued", status: "FAILED", page: 2 } },
          locale: "en",
        })}`,
      );
      const after = await emailOf(failed.id);
      expect(after).toMatchObject({ status: "PENDING", attempts: 0, lastError: failed.lastError });
      expect(after.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
      expect(await queuedJob("deliver-emails")).toMatchObject({ task: "deliver-emails" });
      const [entry, ...more] = await auditOf(failed.id);
      expect(more).toEqual([]);
      expect(entry).toMatchObject({
        actorId: staff.id,
        actorEmail: staff.email,
        actorRole: role,
        targetType: "email",
        before: { status: "FAILED", attempts: 20, lastError: "550 mailbox unavailable" },
        after: { status: "PENDING", attempts: 0 },
      });
    },
  );

  it.each(["PENDING", "SENT"] as const)("refuses a %s email: nothing changes, nothing is queued", async (status) => {
    const staff = await signIn("SUPPORT");
    const other = await email(status);
    await clearDeliveryJob();
    await expect(retryEmailAction(EMPTY, form({ emailId: other.id }))).rejects.toThrow(
      `NEXT_REDIRECT ${JSON.stringify({ href: { pathname: "/admin/outbox", query: { notice: "not_failed" } }, locale: "en" })}`,
    );
    expect(await emailOf(other.id)).toEqual(other);
    expect(await queuedJob("deliver-emails")).toBeNull();
    const [refusal] = await auditOf(other.id);
    expect(refusal).toMatchObject({ actorId: staff.id, after: { refusal: "not_failed" }, before: { status } });
  });

  it("refuses an email whose link was removed when it was given up", async () => {
    await signIn("ADMIN");
    const activation = await email("FAILED", {
      template: "esim-activation",
      payload: { name: "Aiko", iccid: "8981000000000000001", smdpAddress: "smdp.example.test", matchingId: "M-1" },
    });
    await clearDeliveryJob();
    await expect(retryEmailAction(EMPTY, form({ emailId: activation.id }))).rejects.toThrow("link_removed");
    expect(await emailOf(activation.id)).toEqual(activation);
    expect(await queuedJob("deliver-emails")).toBeNull();
    expect((await auditOf(activation.id)).map((entry) => entry.after)).toEqual([{ refusal: "link_removed" }]);
  });

  it("answers 404 for an email that does not exist", async () => {
    await signIn("SUPPORT");
    await clearDeliveryJob();
    await expect(retryEmailAction(EMPTY, form({ emailId: "no-such-email" }))).rejects.toThrow("NEXT_NOT_FOUND");
    expect(await queuedJob("deliver-emails")).toBeNull();
  });

  it.each([
    { caller: "a customer", role: "CUSTOMER" as const, secondFactor: false },
    { caller: "support without the second factor", role: "SUPPORT" as const, secondFactor: false },
    { caller: "a visitor", role: null, secondFactor: false },
  ])("answers 404 to $caller and changes nothing", async ({ role, secondFactor }) => {
    if (role) await signIn(role, secondFactor);
    else await signInAs(null);
    const failed = await email("FAILED");
    await clearDeliveryJob();
    await expect(retryEmailAction(EMPTY, form({ emailId: failed.id }))).rejects.toThrow("NEXT_NOT_FOUND");
    expect(await emailOf(failed.id)).toEqual(failed);
    expect(await queuedJob("deliver-emails")).toBeNull();
    expect(await auditOf(failed.id)).toEqual([]);
  });
});
