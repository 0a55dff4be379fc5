"use server";

import { headers } from "next/headers";
import { type ActionReply, publicAction } from "@/app/_lib/form-action";
import { registerUser } from "@/lib/accounts/registration";
import { signIn } from "@/lib/auth/auth";
import { clientIp } from "@/lib/auth/client-ip";
import { registerSchema, safeRedirectPath } from "@/lib/validation/auth";
import type { FormState } from "@/lib/validation/form-state";

export type RegisterState = FormState<"name" | "email" | "password" | "phone", "rate_limited">;

// Anyone may register, a few times an hour from one address; the new account is signed in and
// sent on to where it was going.
export const register = publicAction(
  { schema: registerSchema, echo: ["name", "email", "phone"] },
  async (input, { locale, formData }): Promise<ActionReply<RegisterState>> => {
    const result = await registerUser(input, locale, clientIp(await headers()));
    if (result.status === "rate_limited") return result;
    if (result.status === "email_taken") return { fieldErrors: { email: ["email_taken"] } };
    const redirectTo = safeRedirectPath(formData.get("callbackUrl"), `/${locale}/account`);
    await signIn("credentials", { email: input.email, password: input.password, redirectTo });
    return {};
  },
);
