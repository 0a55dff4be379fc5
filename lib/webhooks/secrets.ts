import "server-only";
import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";

// How long the secret before a rotation keeps signing alongside the new one.
export const ROTATION_OVERLAP_MS = 24 * 60 * 60_000;

// Standard Webhooks secrets: `whsec_` and the base64 of the HMAC key (24 random bytes, within
// the spec's 24–64).
export function newEndpointSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

export type SigningSecrets = { secret: string; previousSecret: string | null; previousSecretExpiresAt: Date | null };

// The secrets a delivery is signed with right now: the current one, and during the 24 hours
// after a rotation the previous one too, so a receiver still checking the old secret verifies.
export function activeSecrets(endpoint: SigningSecrets, now = new Date()): string[] {
  const previousActive =
    endpoint.previousSecret && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now;
  return previousActive ? [endpoint.secret, endpoint.previousSecret!] : [endpoint.secret];
}

export type SignedHeaders = { "webhook-id": string; "webhook-timestamp": string; "webhook-signature": string };

// The three Standard Webhooks headers, made by the standardwebhooks package; one `v1,…`
// signature per secret, space-separated, as the spec allows.
export function signedHeaders(messageId: string, body: string, secrets: string[], at = new Date()): SignedHeaders {
  return {
    "webhook-id": messageId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": secrets.map((secret) => new Webhook(secret).sign(messageId, at, body)).join(" "),
  };
}
