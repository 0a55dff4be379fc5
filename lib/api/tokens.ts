import "server-only";
import type { Prisma } from "@prisma/client";
import { type RateLimited, rateLimited } from "../result";
import { hashToken, looksLikeToken, newToken } from "../accounts/tokens";
import { confirmOwnPassword } from "../auth/credentials";
import { db } from "../db/client";
import { postgresLimiter, spend } from "../rate-limit";
import type { CreateApiTokenInput } from "../validation/api";

// Personal API tokens: 256 random bits behind a recognisable prefix (so people and secret
// scanners can tell what a leaked string is), stored only as a SHA-256 hash.
export const API_TOKEN_PREFIX = "tabi_";
export const MAX_ACTIVE_API_TOKENS = 20;
// What the token list shows of each token: the prefix and the first random characters.
const SHOWN_LENGTH = 12;
// lastUsedAt answers "is this token still in use?" to a minute. Writing it on every request
// would turn each API read into a row update (WAL, locks, bloat of a hot row) for precision
// nobody reads, so it is written at most once a minute per token.
const LAST_USED_PRECISION_MS = 60_000;
const DAY_MS = 86_400_000;

// Creation is cheap to repeat, and each token is a way into the account.
const creationsByUser = postgresLimiter("api_token_create", 30, 60 * 60);

export type ApiTokenState = "active" | "expired" | "revoked";

type Lifetime = { revokedAt: Date | null; expiresAt: Date | null };

// One rule for the page, the active count and the API: a revoked or expired token acts for nobody.
function stateOf(token: Lifetime, now: Date): ApiTokenState {
  if (token.revokedAt) return "revoked";
  return token.expiresAt && token.expiresAt <= now ? "expired" : "active";
}

const activeAt = (now: Date) =>
  ({ revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] }) satisfies Prisma.ApiTokenWhereInput;

export type CreateApiTokenResult =
  | { status: "created"; id: string; token: string; expiresAt: Date | null }
  | { status: "wrong_password" | "limit_reached" }
  | RateLimited;

// The raw token is returned here and never again. The password is asked (and wrong ones counted
// like login attempts) because a token outlives the session that made it: a stolen session
// should not be able to turn itself into one.
export async function createApiToken(
  account: { id: string; email: string },
  { name, expiresIn, currentPassword }: CreateApiTokenInput,
  ip: string,
): Promise<CreateApiTokenResult> {
  const confirmed = await confirmOwnPassword(account, currentPassword, ip);
  if (confirmed.status !== "ok") return confirmed;
  const retryAfterSeconds = await spend(creationsByUser, account.id);
  if (retryAfterSeconds > 0) return rateLimited(retryAfterSeconds);
  const token = API_TOKEN_PREFIX + newToken().token;
  const now = new Date();
  const expiresAt = expiresIn === "never" ? null : new Date(now.getTime() + Number(expiresIn) * DAY_MS);
  return db.$transaction(async (tx): Promise<CreateApiTokenResult> => {
    // Locks the account, so two creations at once cannot both pass the count.
    await tx.$queryRaw`SELECT id FROM users WHERE id = ${account.id} FOR UPDATE`;
    const active = await tx.apiToken.count({ where: { userId: account.id, ...activeAt(now) } });
    if (active >= MAX_ACTIVE_API_TOKENS) return { status: "limit_reached" };
    const { id } = await tx.apiToken.create({
      data: {
        userId: account.id,
        name,
        tokenHash: hashToken(token),
        prefix: token.slice(0, SHOWN_LENGTH),
        expiresAt,
        createdAt: now,
      },
      select: { id: true },
    });
    return { status: "created", id, token, expiresAt };
  });
}

export async function apiTokensOf(userId: string, now = new Date()) {
  const tokens = await db.apiToken.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      name: true,
      prefix: true,
      lastUsedAt: true,
      expiresAt: true,
      revokedAt: true,
      createdAt: true,
    },
  });
  return tokens.map((token) => ({ ...token, state: stateOf(token, now) }));
}

// Conditional on the owner and on being active: another account's token id, or a second
// revoke, changes nothing.
export async function revokeApiToken(userId: string, tokenId: string): Promise<void> {
  await db.apiToken.updateMany({ where: { id: tokenId, userId, revokedAt: null }, data: { revokedAt: new Date() } });
}

// Every token of the account, in the caller's transaction (lib/auth/session-revocation.ts).
export async function revokeAllApiTokens(tx: Prisma.TransactionClient, userId: string, now: Date): Promise<void> {
  await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
}

// The scheme is case-insensitive (RFC 7235); anything but our token's shape is refused before
// touching the database.
const BEARER = /^Bearer +(\S+)$/i;

function bearerToken(authorization: string | null): string | null {
  const token = authorization ? BEARER.exec(authorization.trim())?.[1] : undefined;
  if (!token?.startsWith(API_TOKEN_PREFIX)) return null;
  return looksLikeToken(token.slice(API_TOKEN_PREFIX.length)) ? token : null;
}

export type ApiCaller = { userId: string; tokenId: string };

// The user an `Authorization: Bearer <token>` header speaks for, or null.
export async function userIdForAuthorization(authorization: string | null, now = new Date()): Promise<string | null> {
  return (await apiCallerFor(authorization, now))?.userId ?? null;
}

// Who an `Authorization: Bearer <token>` header speaks for, and through which token (the rate
// limits are the token's), or null.
export async function apiCallerFor(authorization: string | null, now = new Date()): Promise<ApiCaller | null> {
  const token = bearerToken(authorization);
  if (!token) return null;
  const record = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      userId: true,
      lastUsedAt: true,
      expiresAt: true,
      revokedAt: true,
      user: { select: { lockedAt: true } },
    },
  });
  // A locked account's tokens stop working with its sessions, and work again once unlocked.
  if (!record || record.user.lockedAt || stateOf(record, now) !== "active") return null;
  const stale = new Date(now.getTime() - LAST_USED_PRECISION_MS);
  if (!record.lastUsedAt || record.lastUsedAt <= stale) {
    // Conditional in the database too, so a burst of concurrent requests that all read a stale
    // value still writes once.
    await db.apiToken.updateMany({
      where: { id: record.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: stale } }] },
      data: { lastUsedAt: now },
    });
  }
  return { userId: record.userId, tokenId: record.id };
}
