import "server-only";
import type { Prisma } from "@prisma/client";
import { endSessionsAndTokens } from "../auth/session-revocation";
import { enqueueEmail } from "../email/outbox";

// What any new password (changed or reset) brings, in the caller's transaction: every session
// signed in before it and every API token end, reset links still out stop working, and the
// account holder is told by email, in case it was not them.
export async function storeNewPassword(
  tx: Prisma.TransactionClient,
  userId: string,
  passwordHash: string,
): Promise<void> {
  const now = new Date();
  const user = await tx.user.update({
    where: { id: userId },
    data: { passwordHash },
    select: { name: true, email: true, locale: true },
  });
  await endSessionsAndTokens(tx, userId, now);
  await tx.userToken.updateMany({ where: { userId, purpose: "RESET_PASSWORD", usedAt: null }, data: { usedAt: now } });
  await enqueueEmail(tx, {
    userId,
    to: user.email,
    locale: user.locale,
    template: "password-changed",
    payload: { name: user.name, changedAt: now.toISOString() },
  });
}
