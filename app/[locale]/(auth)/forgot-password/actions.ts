"use server";

import { headers } from "next/headers";
import { type ActionReply, publicAction } from "@/app/_lib/form-action";
import { clientIp } from "@/lib/auth/client-ip";
import { requestPasswordReset } from "@/lib/accounts/password-reset";
import { forgotPasswordSchema } from "@/lib/validation/auth";
import type { FormState } from "@/lib/validation/form-state";

export type ForgotPasswordState = FormState<"email", "rate_limited"> & { requested?: boolean };

// Anyone may ask; the answer is the same whether or not the address has an account.
export const forgotPassword = publicAction(
  { schema: forgotPasswordSchema, echo: ["email"] },
  async ({ email }): Promise<ActionReply<ForgotPasswordState>> => {
    const result = await requestPasswordReset(email, clientIp(await headers()));
    return result.status === "requested" ? { requested: true } : result;
  },
);
