import "server-only";
import { type RateLimited, rateLimited } from "../result";
import { db } from "../db/client";
import type { LoginInput } from "../validation/auth";
import { type LoginAttemptKey, recordLoginSuccess, spendLoginAttempt } from "./login-rate-limit";
import { decoyPasswordHash, verifyPassword } from "./password";

export type SignedInUser = { id: string; name: string; email: string };

export type PasswordCheck<Account> = { status: "ok"; account: Account } | { status: "invalid" } | RateLimited;

// Every form that takes the account's password (login, changing it) counts wrong ones against
// the same limits, so a stolen session cannot guess the password faster than the login form.
// The attempt is counted before the password is verified (login-rate-limit.ts): past the limit,
// the password is not verified at all.
export async function checkPassword<Account extends { passwordHash: string }>(
  attempt: LoginAttemptKey,
  findAccount: () => Promise<Account | null>,
  password: string,
): Promise<PasswordCheck<Account>> {
  const retryAfterSeconds = await spendLoginAttempt(attempt);
  if (retryAfterSeconds > 0) return rateLimited(retryAfterSeconds);

  const account = await findAccount();
  const matches = await verifyPassword(account?.passwordHash ?? (await decoyPasswordHash()), password);
  if (!account || !matches) return { status: "invalid" };
  await recordLoginSuccess(attempt);
  return { status: "ok", account };
}

// A signed-in person proving it is them before a sensitive change (password, email).
export async function confirmOwnPassword(
  account: { id: string; email: string },
  password: string,
  ip: string,
): Promise<{ status: "ok" } | { status: "wrong_password" } | RateLimited> {
  const check = await checkPassword(
    { ip, email: account.email },
    () => db.user.findUnique({ where: { id: account.id }, select: { passwordHash: true } }),
    password,
  );
  if (check.status === "invalid") return { status: "wrong_password" };
  return check.status === "ok" ? { status: "ok" } : check;
}

export type CredentialsResult =
  { status: "ok"; user: SignedInUser } | { status: "locked" } | Exclude<PasswordCheck<never>, { status: "ok" }>;

export async function verifyCredentials({ email, password }: LoginInput, ip: string): Promise<CredentialsResult> {
  const result = await checkPassword(
    { ip, email },
    () =>
      db.user.findUnique({
        where: { email },
        select: { id: true, name: true, email: true, passwordHash: true, lockedAt: true },
      }),
    password,
  );
  if (result.status !== "ok") return result;
  const { account } = result;
  // Said only to someone who knows the password, so it tells a stranger nothing.
  if (account.lockedAt) return { status: "locked" };
  return { status: "ok", user: { id: account.id, name: account.name, email: account.email } };
}
