import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "../db/client";
import { enqueueEmail } from "../email/outbox";
import { PASSWORD_RESET_MINUTES } from "../email/token-lifetimes";
import { postgresLimiter, spend } from "../rate-limit";
import { type RateLimited, rateLimited } from "../result";
import { storeNewPassword } from "./new-password";
import { hashPassword } from "../auth/password";
import { expiresAfter, newToken } from "./tokens";
import { spendToken, usableToken } from "./user-tokens";

const requestsByIp = postgresLimiter("reset_ip", 10, 60 * 60);
const requestsByEmail = postgresLimiter("reset_email", 3, 60 * 60);

// A reset link's token, in the caller's transaction; the caller sends it or uses it.
export async function createResetToken(tx: Prisma.TransactionClient, userId: string): Promise<string> {
  const { token, hash } = newToken();
  await tx.userToken.create({
    data: {
      userId,
      purpose: "RESET_PASSWORD",
      tokenHash: hash,
      expiresAt: expiresAfter(PASSWORD_RESET_MINUTES * 60_000),
    },
  });
  return token;
}

// The answer is the same whether or not an account exists, so the form cannot be used to find
// out who has one.
export async function requestPasswordReset(email: string, ip: string): Promise<{ status: "requested" } | RateLimited> {
  const retryAfterSeconds = Math.max(await spend(requestsByIp, ip), await spend(requestsByEmail, email));
  if (retryAfterSeconds > 0) return rateLimited(retryAfterSeconds);
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, locale: true },
  });
  if (!user) return { status: "requested" };
  await db.$transaction(async (tx) => {
    const token = await createResetToken(tx, user.id);
    await enqueueEmail(tx, {
      userId: user.id,
      to: user.email,
      locale: user.locale,
      template: "password-reset",
      payload: { name: user.name, token },
    });
  });
  return { status: "requested" };
}

export async function resetTokenIsUsable(token: string): Promise<boolean> {
  return (await usableToken(token, "RESET_PASSWORD")) !== null;
}

export async function resetPassword(
  token: string,
  newPassword: string,
): Promise<{ status: "reset" } | { status: "invalid_link" }> {
  const record = await usableToken(token, "RESET_PASSWORD");
  if (!record) return { status: "invalid_link" };
  const passwordHash = await hashPassword(newPassword);
  return db.$transaction(async (tx) => {
    if (!(await spendToken(tx, record))) return { status: "invalid_link" } as const;
    await storeNewPassword(tx, record.userId, passwordHash);
    return { status: "reset" } as const;
  });
}
