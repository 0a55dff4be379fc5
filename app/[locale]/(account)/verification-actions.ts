"use server";

import { resendEmailVerification } from "@/lib/accounts/email-verification";
import { requireUser } from "@/lib/auth/session";

export type ResendVerificationState = { result?: "sent" | "rate_limited"; retryAfterSeconds?: number };

export async function resendVerification(): Promise<ResendVerificationState> {
  const user = await requireUser("/account");
  const result = await resendEmailVerification(user.id);
  if (typeof result === "object") return { result: "rate_limited", retryAfterSeconds: result.retryAfterSeconds };
  // Already verified: the banner is gone on the next render, nothing to say.
  return result === "sent" ? { result: "sent" } : {};
}
