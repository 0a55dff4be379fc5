import "server-only";
import { db } from "../db/client";
import type { LoginInput } from "../validation/auth";
import { loginRetryAfter, recordLoginFailure, recordLoginSuccess } from "./login-rate-limit";
import { decoyPasswordHash, verifyPassword } from "./password";

export type SignedInUser = { id: string; name: string; email: string };

export type CredentialsResult =
  | { status: "ok"; user: SignedInUser }
  | { status: "invalid" }
  | { status: "rate_limited"; retryAfterSeconds: number };

export async function verifyCredentials(
  { email, password }: LoginInput,
  ip: string,
): Promise<CredentialsResult> {
  const attempt = { ip, email };
  const retryAfterSeconds = await loginRetryAfter(attempt);
  if (retryAfterSeconds > 0) return { status: "rate_limited", retryAfterSeconds };

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, passwordHash: true },
  });
  const matches = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
  if (!user || !matches) {
    await recordLoginFailure(attempt);
    return { status: "invalid" };
  }
  await recordLoginSuccess(attempt);
  return { status: "ok", user: { id: user.id, name: user.name, email: user.email } };
}
