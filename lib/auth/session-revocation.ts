import "server-only";
import type { Prisma } from "@prisma/client";
import type { JWT } from "next-auth/jwt";
import { revokeAllApiTokens } from "../api/tokens";
import { db } from "../db/client";
import { isStaffRole } from "../admin/capabilities";
import { sessionPassedSecondFactor, staffSessionExpired } from "../admin/staff-session";
import { accountById } from "./account";
import { sessionHasEnded } from "./ended-sessions";

// Tokens issued before the signedInAt claim existed count as signed in at the epoch: they
// stay valid until the account's first revocation, then end with the rest. A token signed in
// the same millisecond as a revocation may have been issued before it, so it ends too.
export function signedInSince(signedInAt: number | undefined, validFrom: Date | null): boolean {
  return validFrom === null || (signedInAt ?? 0) > validFrom.getTime();
}

type Account = NonNullable<Awaited<ReturnType<typeof accountById>>>;

// Checked on every session read (auth(), /api/auth/session), so a revoked, locked or deleted
// account's token, or a logged-out session's, is refused everywhere at once. A token from before
// sessions had ids cannot be ended on its own by logging out, so it is refused: one more login.
// A staff member's session also ends 12 hours after signing in.
export async function currentAccountOf(token: JWT): Promise<Account | null> {
  if (!token.sub || !token.sessionId) return null;
  const [account, ended] = await Promise.all([accountById(token.sub), sessionHasEnded(token.sessionId)]);
  if (!account || ended || account.lockedAt || !signedInSince(token.signedInAt, account.sessionsValidFrom)) return null;
  if (isStaffRole(account.role) && staffSessionExpired(token.signedInAt)) return null;
  return account;
}

// What the operator console reads from the session: nothing for a customer's (no extra read).
export async function staffClaimsOf(account: Account, token: JWT): Promise<Pick<JWT, "role" | "secondFactor">> {
  if (!isStaffRole(account.role) || !token.sessionId) return { role: "CUSTOMER", secondFactor: false };
  return { role: account.role, secondFactor: await sessionPassedSecondFactor(token.sessionId, account.id) };
}

// Everything that acts for the account without its password ends here, together: every browser
// session signed in until `now` and every API token. Each way of taking the account back (the
// password changed or reset, "log out of all devices", the email-restore link) calls this in the
// transaction that makes the change, so whoever held a session or a token keeps neither.
export async function endSessionsAndTokens(tx: Prisma.TransactionClient, userId: string, now: Date): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { sessionsValidFrom: now } });
  await revokeAllApiTokens(tx, userId, now);
}

export async function logOutEverywhere(userId: string): Promise<void> {
  await db.$transaction((tx) => endSessionsAndTokens(tx, userId, new Date()));
}
