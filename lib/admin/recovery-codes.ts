import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Prisma } from "@prisma/client";

export const RECOVERY_CODE_COUNT = 10;

// Ten groups of characters a person can copy by hand: no 0/O or 1/I/L to confuse.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

function newRecoveryCode(): string {
  const bytes = randomBytes(10);
  const characters = Array.from(bytes, (byte) => ALPHABET[byte % ALPHABET.length]).join("");
  return `${characters.slice(0, 5)}-${characters.slice(5)}`;
}

// Codes are compared as typed, ignoring case, spaces and the dash.
export function normalizedRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, "");
}

function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(normalizedRecoveryCode(code)).digest("hex");
}

// A fresh set, replacing any earlier one; the codes are shown once and only their hashes kept.
export async function replaceRecoveryCodes(tx: Prisma.TransactionClient, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx.staffRecoveryCode.deleteMany({ where: { userId } });
  await tx.staffRecoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })) });
  return codes;
}

// Uses the code up in the same statement that finds it, so two requests cannot both spend it.
export async function spendRecoveryCode(
  tx: Prisma.TransactionClient,
  userId: string,
  code: string,
  now: Date,
): Promise<boolean> {
  const { count } = await tx.staffRecoveryCode.updateMany({
    where: { userId, codeHash: hashRecoveryCode(code), usedAt: null },
    data: { usedAt: now },
  });
  return count === 1;
}

export function remainingRecoveryCodes(tx: Prisma.TransactionClient, userId: string): Promise<number> {
  return tx.staffRecoveryCode.count({ where: { userId, usedAt: null } });
}
