import "server-only";
import { type RateLimited, rateLimited } from "../result";
import { confirmOwnPassword } from "../auth/credentials";
import { postgresLimiter, spend } from "../rate-limit";
import { issueEmailVerification } from "./email-verification";
import { db } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import type { ContactDetailsInput } from "../validation/account";
import { issueEmailRestore } from "./email-restore";

export type ContactDetailsResult =
  | { status: "saved"; emailChanged: boolean }
  | { status: "password_required" | "wrong_password" | "email_in_use" }
  | RateLimited;

type Account = { id: string; email: string; emailVerified: Date | null; locale: string };

export const EMAIL_CHANGES_PER_DAY = 3;

const emailChangesByAccount = postgresLimiter("email_change", EMAIL_CHANGES_PER_DAY, 24 * 60 * 60);

// Name and phone change freely. A new email address is where activation emails and receipts
// go from now on, so it takes the current password (counted like login attempts), starts
// unverified with a confirmation link sent to it, and voids confirmation links sent to the
// old address, which would otherwise confirm the new one. A confirmed old address is told,
// with a way back (email-restore.ts).
//
// Each change sends mail (to the new address, and to the old one when confirmed), so an account
// gets a few a day. What counts is an attempt
// that would change the address once the password is confirmed, "address in use" refusals
// included (otherwise a signed-in person could test without end which addresses have
// accounts); saving the name or phone never does, and wrong passwords are already counted by
// the login limits.
export async function updateContactDetails(
  account: Account,
  input: ContactDetailsInput,
  ip: string,
): Promise<ContactDetailsResult> {
  const { name, email, phone = null, password } = input;
  const emailChanged = email !== account.email;
  if (emailChanged) {
    if (!password) return { status: "password_required" };
    const confirmed = await confirmOwnPassword(account, password, ip);
    if (confirmed.status !== "ok") return confirmed;
    const retryAfterSeconds = await spend(emailChangesByAccount, account.id);
    if (retryAfterSeconds > 0) return rateLimited(retryAfterSeconds);
  }

  try {
    await db.$transaction(async (tx) => {
      await tx.user.update({
        where: { id: account.id },
        data: { name, phone, ...(emailChanged ? { email, emailVerified: null } : {}) },
      });
      if (!emailChanged) return;
      await tx.userToken.updateMany({
        where: { userId: account.id, purpose: "VERIFY_EMAIL", usedAt: null },
        data: { usedAt: new Date() },
      });
      await issueEmailVerification(tx, { id: account.id, name, email, locale: account.locale });
      // Only a confirmed address gets a way back: an unconfirmed one may be a stranger's (the
      // typo being corrected), and its link would hand them the account.
      if (account.emailVerified)
        await issueEmailRestore(tx, {
          userId: account.id,
          name,
          locale: account.locale,
          oldEmail: account.email,
          newEmail: email,
        });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { status: "email_in_use" };
    throw error;
  }
  return { status: "saved", emailChanged };
}
