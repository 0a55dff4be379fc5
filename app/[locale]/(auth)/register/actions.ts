"use server";

import { getLocale } from "next-intl/server";
import { signIn } from "@/lib/auth/auth";
import { registerUser } from "@/lib/accounts/registration";
import { registerSchema, safeRedirectPath } from "@/lib/validation/auth";
import { type FormState, fieldErrorsOf, submittedValues } from "@/lib/validation/form-state";

const ECHOED_FIELDS = ["name", "email", "phone"] as const;

export type RegisterState = FormState<"name" | "email" | "password" | "phone">;

export async function register(_previous: RegisterState, formData: FormData): Promise<RegisterState> {
  const values = submittedValues(formData, ECHOED_FIELDS);
  const parsed = registerSchema.safeParse({
    name: formData.get("name"),
    email: formData.get("email"),
    password: formData.get("password"),
    phone: formData.get("phone") ?? undefined,
  });
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error) };

  const locale = await getLocale();
  const result = await registerUser(parsed.data, locale);
  if (result.status === "email_taken") return { values, fieldErrors: { email: ["email_taken"] } };

  const redirectTo = safeRedirectPath(formData.get("callbackUrl"), `/${locale}/account`);
  await signIn("credentials", {
    email: parsed.data.email,
    password: parsed.data.password,
    redirectTo,
  });
  return { values, fieldErrors: {} };
}
