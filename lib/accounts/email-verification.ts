import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "../db/client";
import { enqueueEmail } from "../email/outbox";
import { EMAIL_VERIFICATION_HOURS } from "../email/token-lifetimes";
import { postgresLimiter, spend } from "../rate-limit";
import { type RateLimited, rateLimited } from "../result";
import { expiresAfter, newToken } from "./tokens";
import { spendToken, usableToken } from "./user-tokens";

type Recipient = { id: string; name: string; email: string; locale: string };

const resendsByUser = postgresLimiter("verify_resend", 3, 60 * 60);

// Inside the caller's transaction: the token and its email exist together or not at all.
export async function issueEmailVerification(tx: Prisma.TransactionClient, user: Recipient) {
  const { token, hash } = newToken();
  await tx.userToken.create({
    data: {
      userId: user.id,
      purpose: "VERIFY_EMAIL",
      tokenHash: hash,
      expiresAt: expiresAfter(EMAIL_VERIFICATION_HOURS * 3_600_000),
    },
  });
  await enqueueEmail(tx, {
    userId: user.id,
    to: user.email,
    locale: user.locale,
    template: "verify-email",
    payload: { name: user.name, token },
  });
}

export async function confirmEmail(token: string): Promise<{ status: "verified" } | { status: "invalid_link" }> {
  const record = await usableToken(token, "VERIFY_EMAIL");
  if (!record) return { status: "invalid_link" };
  return db.$transaction(async (tx) => {
    if (!(await spendToken(tx, record))) return { status: "invalid_link" } as const;
    await tx.user.updateMany({
      where: { id: record.userId, emailVerified: null },
      data: { emailVerified: new Date() },
    });
    return { status: "verified" } as const;
  });
}

export async function resendEmailVerification(
  userId: string,
): Promise<{ status: "sent" | "already_verified" } | RateLimited> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, name: true, email: true, locale: true, emailVerified: true },
  });
  if (user.emailVerified) return { status: "already_verified" };
  const retryAfterSeconds = await spend(resendsByUser, user.id);
  if (retryAfterSeconds > 0) return rateLimited(retryAfterSeconds);
  await db.$transaction((tx) => issueEmailVerification(tx, user));
  return { status: "sent" };
}
