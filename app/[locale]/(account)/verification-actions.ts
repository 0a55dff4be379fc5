"use server";

import { z } from "zod";
import { type ActionReply, userAction } from "@/app/_lib/form-action";
import { resendEmailVerification } from "@/lib/accounts/email-verification";
import type { FormState } from "@/lib/validation/form-state";

export type ResendVerificationState = FormState<never, "rate_limited"> & { sent?: boolean };

// A new confirmation link for the signed-in user's own address.
export const resendVerification = userAction(
  { schema: z.object({}), returnTo: "/account" },
  async (_input, { user }): Promise<ActionReply<ResendVerificationState>> => {
    const result = await resendEmailVerification(user.id);
    if (result.status === "rate_limited") return result;
    // Already verified: the banner is gone on the next render, nothing to say.
    return result.status === "sent" ? { sent: true } : {};
  },
);
