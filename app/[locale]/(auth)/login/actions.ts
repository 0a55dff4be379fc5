"use server";

import { getLocale } from "next-intl/server";
import { headers } from "next/headers";
import { LoginRateLimited, signIn } from "@/lib/auth/auth";
import { clientIp } from "@/lib/auth/client-ip";
import { loginRetryAfter } from "@/lib/auth/login-rate-limit";
import { loginSchema, safeRedirectPath } from "@/lib/validation/auth";
import { type FormState, fieldErrorsOf, submittedValues } from "@/lib/validation/form-state";
import { CredentialsSignin } from "next-auth";

export type LoginState = FormState<"email" | "password", "invalid_credentials" | "rate_limited">;

export async function login(_previous: LoginState, formData: FormData): Promise<LoginState> {
  const values = submittedValues(formData, ["email"] as const);
  const parsed = loginSchema.safeParse({
    email: formData.get("email"),
    password: formData.get("password"),
  });
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error) };

  const redirectTo = safeRedirectPath(formData.get("callbackUrl"), `/${await getLocale()}/account`);
  try {
    await signIn("credentials", { ...parsed.data, redirectTo });
  } catch (error) {
    if (error instanceof LoginRateLimited) {
      const ip = clientIp(await headers());
      const retryAfterSeconds = await loginRetryAfter({ ip, email: parsed.data.email });
      return { values, fieldErrors: {}, formError: "rate_limited", retryAfterSeconds };
    }
    if (error instanceof CredentialsSignin) {
      return { values, fieldErrors: {}, formError: "invalid_credentials" };
    }
    // A successful sign-in ends in a thrown redirect, which Next must see.
    throw error;
  }
  return { values, fieldErrors: {} };
}
