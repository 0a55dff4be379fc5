import "server-only";
import { randomUUID } from "node:crypto";
import { cache } from "react";
import { db } from "../db/client";

// How long a session lasts unused. Every read re-issues its cookie for this long again, so a
// copy of the cookie used after the original was last seen can outlive the original's expiry.
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

// Given at sign-in and kept through every refresh of the token (Auth.js's own `jti` changes
// with each one), so it names the session, not one cookie of it.
export function newSessionId(): string {
  return randomUUID();
}

// A list of ended sessions rather than one of live sessions: logging out is the only write
// (a live list would need one at every sign-in and, since sessions roll, at every refresh to
// move its expiry), and the list only holds sessions that ended in the last SESSION_MAX_AGE.
// A copy of the cookie made at any time before the logout expires at most SESSION_MAX_AGE
// after it, so that is how long the row must stay. Logging out twice changes nothing.
export async function endSession(sessionId: string, now = new Date()): Promise<void> {
  await db.endedSession.createMany({
    data: [{ id: sessionId, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000) }],
    skipDuplicates: true,
  });
}

// Read once per request however many times the session is read, like the account (account.ts).
export const sessionHasEnded = cache(
  async (sessionId: string): Promise<boolean> =>
    (await db.endedSession.findUnique({ where: { id: sessionId }, select: { id: true } })) !== null,
);

// A past expiry means every cookie of that session is refused as expired already.
export async function pruneEndedSessions(now = new Date()): Promise<number> {
  const { count } = await db.endedSession.deleteMany({ where: { expiresAt: { lt: now } } });
  return count;
}
