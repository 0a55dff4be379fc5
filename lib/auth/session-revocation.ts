import "server-only";
import type { JWT } from "next-auth/jwt";
import { db } from "../db/client";
import { accountById } from "./account";
import { sessionHasEnded } from "./ended-sessions";

// Tokens issued before the signedInAt claim existed count as signed in at the epoch: they
// stay valid until the account's first revocation, then end with the rest. A token signed in
// the same millisecond as a revocation may have been issued before it, so it ends too.
export function signedInSince(signedInAt: number | undefined, validFrom: Date | null): boolean {
  return validFrom === null || (signedInAt ?? 0) > validFrom.getTime();
}

// Checked on every session read (auth(), /api/auth/session), so a revoked or deleted account's
// token, or a logged-out session's, is refused everywhere at once. A token from before sessions
// had ids cannot be ended on its own by logging out, so it is refused: one more login.
export async function sessionIsCurrent(token: JWT): Promise<boolean> {
  if (!token.sub || !token.sessionId) return false;
  const [account, ended] = await Promise.all([accountById(token.sub), sessionHasEnded(token.sessionId)]);
  return account !== null && !ended && signedInSince(token.signedInAt, account.sessionsValidFrom);
}

export async function endAllSessions(userId: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { sessionsValidFrom: new Date() } });
}
