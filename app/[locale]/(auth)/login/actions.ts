"use server";

import { CredentialsSignin } from "next-auth";
import { headers } from "next/headers";
import { type ActionReply, publicAction } from "@/app/_lib/form-action";
import { AccountLocked, LoginRateLimited, signIn } from "@/lib/auth/auth";
import { clientIp } from "@/lib/auth/client-ip";
import { loginRetryAfter } from "@/lib/auth/login-rate-limit";
import { rateLimited } from "@/lib/result";
import { loginSchema, safeRedirectPath } from "@/lib/validation/auth";
import type { FormState } from "@/lib/validation/form-state";

export type LoginState = FormState<"email" | "password", "invalid_credentials" | "account_locked" | "rate_limited">;

// Anyone may try; failures count against the account and the address (lib/auth/credentials.ts).
export const login = publicAction(
  { schema: loginSchema, echo: ["email"] },
  async (credentials, { locale, formData }): Promise<ActionReply<LoginState>> => {
    const redirectTo = safeRedirectPath(formData.get("callbackUrl"), `/${locale}/account`);
    try {
      await signIn("credentials", { ...credentials, redirectTo });
    } catch (error) {
      if (error instanceof LoginRateLimited) {
        const ip = clientIp(await headers());
        return rateLimited(await loginRetryAfter({ ip, email: credentials.email }));
      }
      if (error instanceof AccountLocked) return { formError: "account_locked" };
      if (error instanceof CredentialsSignin) return { formError: "invalid_credentials" };
      // A successful sign-in ends in a thrown redirect, which Next must see.
      throw error;
    }
    return {};
  },
);
