import "server-only";
import type { Prisma } from "@prisma/client";
import { createResetToken } from "./password-reset";
import { expiresAfter, newToken } from "./tokens";
import { spendToken, usableToken } from "./user-tokens";
import { endSessionsAndTokens } from "../auth/session-revocation";
import { db } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { enqueueEmail } from "../email/outbox";
import { EMAIL_RESTORE_DAYS } from "../email/token-lifetimes";

type EmailChange = { userId: string; name: string; locale: string; oldEmail: string; newEmail: string };

// Inside the transaction that changes the address: the old address is told, with a link that
// puts it back. Changing it took the password, so this is how a holder whose password leaked
// gets the account back even after its emails have been redirected.
export async function issueEmailRestore(tx: Prisma.TransactionClient, change: EmailChange): Promise<void> {
  const { token, hash } = newToken();
  const changedAt = new Date();
  await tx.userToken.create({
    data: {
      userId: change.userId,
      purpose: "RESTORE_EMAIL",
      tokenHash: hash,
      email: change.oldEmail,
      expiresAt: expiresAfter(EMAIL_RESTORE_DAYS * 86_400_000, changedAt),
    },
  });
  await enqueueEmail(tx, {
    userId: change.userId,
    to: change.oldEmail,
    locale: change.locale,
    template: "email-changed",
    payload: { name: change.name, newEmail: change.newEmail, changedAt: changedAt.toISOString(), token },
  });
}

// The address a restore link would put back, or null if the link cannot be used.
export async function emailToRestore(token: string): Promise<string | null> {
  return (await usableToken(token, "RESTORE_EMAIL"))?.email ?? null;
}

export type RestoreResult = { status: "restored"; resetToken: string } | { status: "invalid" | "email_in_use" };

// Puts the old address back (confirmed: the link was opened from it), logs every device out,
// revokes every API token, voids every link still out for the account (another change's restore
// link included) and returns a fresh password reset token, since whoever made the change knew
// the password.
export async function restoreEmail(token: string): Promise<RestoreResult> {
  const record = await usableToken(token, "RESTORE_EMAIL");
  if (!record?.email) return { status: "invalid" };
  const email = record.email;
  try {
    return await db.$transaction(async (tx) => {
      if (!(await spendToken(tx, record))) return { status: "invalid" } as const;
      const now = new Date();
      await tx.user.update({ where: { id: record.userId }, data: { email, emailVerified: now } });
      await endSessionsAndTokens(tx, record.userId, now);
      await tx.userToken.updateMany({ where: { userId: record.userId, usedAt: null }, data: { usedAt: now } });
      return { status: "restored", resetToken: await createResetToken(tx, record.userId) } as const;
    });
  } catch (error) {
    // Another account has taken the address since; nothing changed, the link stays usable.
    if (isUniqueViolation(error)) return { status: "email_in_use" };
    throw error;
  }
}
