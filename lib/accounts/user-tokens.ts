import "server-only";
import type { Prisma, TokenPurpose, UserToken } from "@prisma/client";
import { db } from "../db/client";
import { hashToken, isExpired, looksLikeToken } from "./tokens";

// The stored token behind an emailed link, if it is one of this purpose and can still be used.
export async function usableToken(token: string, purpose: TokenPurpose): Promise<UserToken | null> {
  if (!looksLikeToken(token)) return null;
  const record = await db.userToken.findUnique({ where: { tokenHash: hashToken(token) } });
  return record && record.purpose === purpose && !record.usedAt && !isExpired(record.expiresAt) ? record : null;
}

// Conditional on unused, so a link opened twice at once is spent once.
export async function spendToken(tx: Prisma.TransactionClient, record: UserToken): Promise<boolean> {
  const spent = await tx.userToken.updateMany({ where: { id: record.id, usedAt: null }, data: { usedAt: new Date() } });
  return spent.count === 1;
}
