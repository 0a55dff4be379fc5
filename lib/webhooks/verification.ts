import "server-only";
import { randomBytes } from "node:crypto";
import { VERIFICATION_EVENT_TYPE } from "./event-types";
import { signedHeaders } from "./secrets";
import { postWebhook } from "./transport";

export type VerificationResult =
  { status: "verified" } | { status: "verification_failed"; httpStatus: number | null; excerpt: string };

// Sent when an endpoint is saved, signed with its secret: an address that does not answer 2xx
// is not kept, so typos and closed ports show at once rather than as a failing delivery log.
export async function verifyEndpoint(url: string, secret: string): Promise<VerificationResult> {
  const body = JSON.stringify({ type: VERIFICATION_EVENT_TYPE, timestamp: new Date().toISOString(), data: { url } });
  const id = `msg_${randomBytes(16).toString("base64url")}`;
  const answer = await postWebhook(url, body, signedHeaders(id, body, [secret]));
  if (answer.httpStatus !== null && answer.httpStatus >= 200 && answer.httpStatus < 300) return { status: "verified" };
  return { status: "verification_failed", httpStatus: answer.httpStatus, excerpt: answer.excerpt };
}
