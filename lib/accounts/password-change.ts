import "server-only";
import type { RateLimited } from "../result";
import { db } from "../db/client";
import type { ChangePasswordInput } from "../validation/auth";
import { confirmOwnPassword } from "../auth/credentials";
import { storeNewPassword } from "./new-password";
import { hashPassword } from "../auth/password";

export type PasswordChangeResult = { status: "changed" } | { status: "wrong_password" } | RateLimited;

// Ends every session of the account, the caller's included: the caller signs itself in again
// with the new password (app/[locale]/(account)/account/security-actions.ts).
export async function changePassword(
  user: { id: string; email: string },
  { currentPassword, newPassword }: ChangePasswordInput,
  ip: string,
): Promise<PasswordChangeResult> {
  const confirmed = await confirmOwnPassword(user, currentPassword, ip);
  if (confirmed.status !== "ok") return confirmed;
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction((tx) => storeNewPassword(tx, user.id, passwordHash));
  return { status: "changed" };
}
