import "server-only";
import { db } from "../db/client";
import { enqueueEmail } from "../email/outbox";
import { PASSWORD_RESET_MINUTES } from "../email/token-lifetimes";
import { kickEmailDelivery } from "../email/worker";
import { postgresLimiter, spend } from "../rate-limit";
import { storeNewPassword } from "./new-password";
import { hashPassword } from "./password";
import { expiresAfter, hashToken, isExpired, looksLikeToken, newToken } from "./tokens";

const requestsByIp = postgresLimiter("reset_ip", 10, 60 * 60);
const requestsByEmail = postgresLimiter("reset_email", 3, 60 * 60);

// The answer is the same whether or not an account exists, so the form cannot be used to find
// out who has one.
export async function requestPasswordReset(email: string, ip: string): Promise<"requested" | { retryAfterSeconds: number }> {
  const retryAfterSeconds = Math.max(await spend(requestsByIp, ip), await spend(requestsByEmail, email));
  if (retryAfterSeconds > 0) return { retryAfterSeconds };
  const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true, email: true, locale: true } });
  if (!user) return "requested";
  const { token, hash } = newToken();
  await db.$transaction(async (tx) => {
    await tx.userToken.create({
      data: { userId: user.id, purpose: "RESET_PASSWORD", tokenHash: hash, expiresAt: expiresAfter(PASSWORD_RESET_MINUTES * 60_000) },
    });
    await enqueueEmail(tx, { userId: user.id, to: user.email, locale: user.locale, template: "password-reset", payload: { name: user.name, token } });
  });
  kickEmailDelivery();
  return "requested";
}

async function usableResetToken(token: string) {
  if (!looksLikeToken(token)) return null;
  const record = await db.userToken.findUnique({ where: { tokenHash: hashToken(token) } });
  return record && record.purpose === "RESET_PASSWORD" && !record.usedAt && !isExpired(record.expiresAt) ? record : null;
}

export async function resetTokenIsUsable(token: string): Promise<boolean> {
  return (await usableResetToken(token)) !== null;
}

export async function resetPassword(token: string, newPassword: string): Promise<"reset" | "invalid"> {
  const record = await usableResetToken(token);
  if (!record) return "invalid";
  const passwordHash = await hashPassword(newPassword);
  const outcome = await db.$transaction(async (tx) => {
    const spent = await tx.userToken.updateMany({ where: { id: record.id, usedAt: null }, data: { usedAt: new Date() } });
    if (spent.count === 0) return "invalid";
    await storeNewPassword(tx, record.userId, passwordHash);
    return "reset";
  });
  if (outcome === "reset") kickEmailDelivery();
  return outcome;
}
