import { randomUUID } from "node:crypto";
import type { Role } from "@prisma/client";
import type { Session } from "next-auth";
import { db } from "../db/client";
import { newBuyer } from "./shop";

// The session the mocked auth() answers in console tests:
//   vi.mock("@/lib/auth/auth", async () => (await import("@/lib/testing/staff")).mockedAuth);
// Role and second factor are what the real session check reads from the database; a test sets
// them here as that check would have.
export const testSession = { current: null as Session | null };

export const mockedAuth = { auth: async () => testSession.current };

// A thrown 404 or redirect, as Next's own do, for next/navigation and lib/i18n/navigation mocks.
export const mockedNavigation = {
  notFound: () => {
    throw new Error("NEXT_NOT_FOUND");
  },
  redirect: (target: unknown) => {
    throw new Error(`NEXT_REDIRECT ${JSON.stringify(target)}`);
  },
};

export type TestAccount = { id: string; email: string; name: string; role: Role };

export async function newAccount(role: Role = "CUSTOMER"): Promise<TestAccount> {
  const buyer = await newBuyer();
  const account = await db.user.update({
    where: { id: buyer.id },
    data: { role },
    select: { id: true, email: true, name: true, role: true },
  });
  return account;
}

// Signs the account in for the following calls; a staff session has passed the second factor
// unless told otherwise (the row the real check reads is written too).
export async function signInAs(
  account: TestAccount | null,
  { secondFactor = true }: { secondFactor?: boolean } = {},
): Promise<string | null> {
  if (!account) {
    testSession.current = null;
    return null;
  }
  const sessionId = randomUUID();
  const staff = account.role !== "CUSTOMER";
  if (staff && secondFactor) await db.staffSessionFactor.create({ data: { sessionId, userId: account.id } });
  testSession.current = {
    user: {
      id: account.id,
      email: account.email,
      name: account.name,
      role: account.role,
      secondFactor: staff && secondFactor,
    },
    ...(staff ? { sessionId } : {}),
    expires: new Date(Date.now() + 60 * 60 * 1000).toISOString(),
  };
  return sessionId;
}
