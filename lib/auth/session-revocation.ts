import "server-only";
import type { JWT } from "next-auth/jwt";
import { db } from "../db/client";
import { accountById } from "./account";

// Tokens issued before the signedInAt claim existed count as signed in at the epoch: they
// stay valid until the account's first revocation, then end with the rest. A token signed in
// the same millisecond as a revocation may have been issued before it, so it ends too.
export function signedInSince(signedInAt: number | undefined, validFrom: Date | null): boolean {
  return validFrom === null || (signedInAt ?? 0) > validFrom.getTime();
}

// Checked on every session read (auth(), /api/auth/session), so a revoked or deleted account's
// token is refused everywhere at once.
export async function sessionIsCurrent(token: JWT): Promise<boolean> {
  const account = token.sub ? await accountById(token.sub) : null;
  return account !== null && signedInSince(token.signedInAt, account.sessionsValidFrom);
}

export async function endAllSessions(userId: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { sessionsValidFrom: new Date() } });
}
