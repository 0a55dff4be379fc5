import "server-only";
import { createHash } from "node:crypto";
import { db } from "../db/client";

// Stripe's idempotency: the first answer to a POST with a given Idempotency-Key is kept for
// 24 hours and replayed to every retry with that key, so a client that lost an answer (a
// timeout, a dropped connection) can ask again without buying twice.
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;
// A first request still unfinished after this long died with its instance (every request ends
// well within it), so its key may be used again instead of answering "in progress" for a day.
const ABANDONED_AFTER_MS = 5 * 60_000;

// Objects' keys sorted at every depth, so {"a":1,"b":2} and {"b":2,"a":1} are one request.
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
  );
}

function canonicalBody(text: string): string {
  try {
    return JSON.stringify(canonical(JSON.parse(text)));
  } catch {
    // Not JSON: the route refuses it; the bytes as sent still tell two such requests apart.
    return text;
  }
}

// What "the same parameters" means: the method, the path and the body's content.
export function requestFingerprint(method: string, path: string, bodyText: string): string {
  return createHash("sha256")
    .update(`${method} ${path}\n${canonicalBody(bodyText)}`)
    .digest("hex");
}

export type KeyClaim =
  | { status: "claimed" }
  | { status: "replay"; httpStatus: number; body: string }
  | { status: "mismatch" | "in_progress" };

type Key = { userId: string; key: string };

// Takes the key for this request, or says what became of the request that took it first. The
// unique index decides between concurrent first requests: one claims it, the others find it
// in progress.
export async function claimIdempotencyKey(
  { userId, key }: Key,
  fingerprint: string,
  now = new Date(),
): Promise<KeyClaim> {
  // An expired key is gone (the prune job only keeps the table small), as is an abandoned one.
  await db.idempotencyKey.deleteMany({
    where: {
      userId,
      key,
      OR: [
        { expiresAt: { lte: now } },
        { status: null, createdAt: { lte: new Date(now.getTime() - ABANDONED_AFTER_MS) } },
      ],
    },
  });
  const { count } = await db.idempotencyKey.createMany({
    data: [{ userId, key, fingerprint, createdAt: now, expiresAt: new Date(now.getTime() + IDEMPOTENCY_WINDOW_MS) }],
    skipDuplicates: true,
  });
  if (count === 1) return { status: "claimed" };
  const first = await db.idempotencyKey.findUnique({ where: { userId_key: { userId, key } } });
  // Gone between the two statements: its first request was refused and let it go just now.
  if (!first) return { status: "in_progress" };
  if (first.fingerprint !== fingerprint) return { status: "mismatch" };
  if (first.status === null || first.body === null) return { status: "in_progress" };
  return { status: "replay", httpStatus: first.status, body: first.body };
}

export async function storeIdempotentAnswer({ userId, key }: Key, httpStatus: number, body: string): Promise<void> {
  await db.idempotencyKey.updateMany({
    where: { userId, key, status: null },
    data: { status: httpStatus, body, completedAt: new Date() },
  });
}

// The request was refused before it did anything (invalid, throttled, the database away): as
// at Stripe, nothing is kept, and the key may be sent again with corrected parameters.
export async function releaseIdempotencyKey({ userId, key }: Key): Promise<void> {
  await db.idempotencyKey.deleteMany({ where: { userId, key, status: null } });
}

// The periodic prune: keys past their 24 hours are never replayed again.
export async function pruneExpiredIdempotencyKeys(now = new Date()): Promise<number> {
  const { count } = await db.idempotencyKey.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
