import "server-only";
import { cache } from "react";
import { db } from "../db/client";

// A staff session ends this long after its sign-in, however active: the console can refund
// and read every customer's data, so a forgotten browser does not keep it for a month.
export const STAFF_SESSION_MAX_AGE_MS = 12 * 60 * 60 * 1000;

export function staffSessionExpired(signedInAt: number | undefined, now = Date.now()): boolean {
  return (signedInAt ?? 0) + STAFF_SESSION_MAX_AGE_MS <= now;
}

// Read on every session check of a staff account, once per request. The row is keyed by the
// session's id, which only the encrypted cookie carries, so a session cannot claim another's.
export const sessionPassedSecondFactor = cache(
  async (sessionId: string, userId: string): Promise<boolean> =>
    (await db.staffSessionFactor.findUnique({ where: { sessionId }, select: { userId: true } }))?.userId === userId,
);
