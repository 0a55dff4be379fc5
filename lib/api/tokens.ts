import "server-only";
import { type RateLimited, rateLimited } from "../result";
import { hashToken, looksLikeToken, newToken } from "../accounts/tokens";
import { db } from "../db/client";
import { postgresLimiter, spend } from "../rate-limit";

// Personal API tokens: 256 random bits behind a recognisable prefix (so people and secret
// scanners can tell what a leaked string is), stored only as a SHA-256 hash.
export const API_TOKEN_PREFIX = "tabi_";
export const MAX_ACTIVE_API_TOKENS = 20;
// What the token list shows of each token: the prefix and the first random characters.
const SHOWN_LENGTH = 12;
// lastUsedAt answers "is this token still in use?"; a write per request would cost more than
// minute precision tells anyone.
const LAST_USED_PRECISION_MS = 60_000;

// Creation is cheap to repeat, and each token is a way into the account.
const creationsByUser = postgresLimiter("api_token_create", 30, 60 * 60);

export type CreateApiTokenResult =
  { status: "created"; id: string; token: string } | { status: "limit_reached" } | RateLimited;

// The raw token is returned here and never again.
export async function createApiToken(userId: string, name: string): Promise<CreateApiTokenResult> {
  const retryAfterSeconds = await spend(creationsByUser, userId);
  if (retryAfterSeconds > 0) return rateLimited(retryAfterSeconds);
  const token = API_TOKEN_PREFIX + newToken().token;
  return db.$transaction(async (tx): Promise<CreateApiTokenResult> => {
    // Locks the account, so two creations at once cannot both pass the count.
    await tx.$queryRaw`SELECT id FROM users WHERE id = ${userId} FOR UPDATE`;
    const active = await tx.apiToken.count({ where: { userId, revokedAt: null } });
    if (active >= MAX_ACTIVE_API_TOKENS) return { status: "limit_reached" };
    const { id } = await tx.apiToken.create({
      data: { userId, name, tokenHash: hashToken(token), prefix: token.slice(0, SHOWN_LENGTH) },
      select: { id: true },
    });
    return { status: "created", id, token };
  });
}

export function apiTokensOf(userId: string) {
  return db.apiToken.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, name: true, prefix: true, lastUsedAt: true, revokedAt: true, createdAt: true },
  });
}

// Conditional on the owner and on being active: another account's token id, or a second
// revoke, changes nothing.
export async function revokeApiToken(userId: string, tokenId: string): Promise<void> {
  await db.apiToken.updateMany({ where: { id: tokenId, userId, revokedAt: null }, data: { revokedAt: new Date() } });
}

// The scheme is case-insensitive (RFC 7235); anything but our token's shape is refused before
// touching the database.
const BEARER = /^Bearer +(\S+)$/i;

function bearerToken(authorization: string | null): string | null {
  const token = authorization ? BEARER.exec(authorization.trim())?.[1] : undefined;
  if (!token?.startsWith(API_TOKEN_PREFIX)) return null;
  return looksLikeToken(token.slice(API_TOKEN_PREFIX.length)) ? token : null;
}

// The user an `Authorization: Bearer <token>` header speaks for, or null.
export async function userIdForAuthorization(authorization: string | null, now = new Date()): Promise<string | null> {
  const token = bearerToken(authorization);
  if (!token) return null;
  const record = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, userId: true, lastUsedAt: true, revokedAt: true },
  });
  if (!record || record.revokedAt) return null;
  const stale = new Date(now.getTime() - LAST_USED_PRECISION_MS);
  if (!record.lastUsedAt || record.lastUsedAt <= stale) {
    // Conditional too, so a burst of concurrent requests writes once.
    await db.apiToken.updateMany({
      where: { id: record.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: stale } }] },
      data: { lastUsedAt: now },
    });
  }
  return record.userId;
}
