import { createHash, randomBytes } from "node:crypto";

// Tokens in emailed links: 256 random bits, sent once and stored only as a SHA-256 hash, so
// a copy of the database cannot be turned into working links.
export const TOKEN_BYTES = 32;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function newToken(): { token: string; hash: string } {
  const token = randomBytes(TOKEN_BYTES).toString("base64url");
  return { token, hash: hashToken(token) };
}

// The shape newToken produces; anything else is refused before touching the database.
export function looksLikeToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}

export function expiresAfter(milliseconds: number, now = new Date()): Date {
  return new Date(now.getTime() + milliseconds);
}

export function isExpired(expiresAt: Date | null, now = new Date()): boolean {
  return !expiresAt || expiresAt.getTime() <= now.getTime();
}
