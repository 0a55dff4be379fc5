"use server";

import { CredentialsSignin } from "next-auth";
import { getLocale } from "next-intl/server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signIn, signOut } from "@/lib/auth/auth";
import { clientIp } from "@/lib/auth/client-ip";
import { changePassword } from "@/lib/accounts/password-change";
import { requireUser } from "@/lib/auth/session";
import { endAllSessions } from "@/lib/auth/session-revocation";
import { changePasswordSchema } from "@/lib/validation/auth";
import { type FormState, fieldErrorsOf } from "@/lib/validation/form-state";

// Only passwords are typed here, and passwords are never echoed back to the form.
export type ChangePasswordState = FormState<"currentPassword" | "newPassword" | "confirmPassword", "rate_limited">;

export async function changeOwnPassword(
  _previous: ChangePasswordState,
  formData: FormData,
): Promise<ChangePasswordState> {
  const user = await requireUser("/account");
  const parsed = changePasswordSchema.safeParse({
    currentPassword: formData.get("currentPassword"),
    newPassword: formData.get("newPassword"),
    confirmPassword: formData.get("confirmPassword"),
  });
  if (!parsed.success) return { values: {}, fieldErrors: fieldErrorsOf(parsed.error) };

  const result = await changePassword(user, parsed.data, clientIp(await headers()));
  if (result.status === "wrong_password")
    return { values: {}, fieldErrors: { currentPassword: ["current_password_wrong"] } };
  if (result.status === "rate_limited") {
    return { values: {}, fieldErrors: {}, formError: "rate_limited", retryAfterSeconds: result.retryAfterSeconds };
  }

  // The change ended every session, this browser's too: signing in with the new password gives
  // it a fresh one. The redirect matters: the page rendered after it reads the new cookie.
  const locale = await getLocale();
  try {
    await signIn("credentials", {
      email: user.email,
      password: parsed.data.newPassword,
      redirectTo: `/${locale}/account?password=changed`,
    });
  } catch (error) {
    if (!(error instanceof CredentialsSignin)) throw error;
    // Locked out by failures from elsewhere in the meantime: the password is changed all the same.
    redirect(`/${locale}/login?${new URLSearchParams({ callbackUrl: `/${locale}/account` })}`);
  }
  return { values: {}, fieldErrors: {} };
}

export async function signOutEverywhere(): Promise<void> {
  const user = await requireUser("/account");
  await endAllSessions(user.id);
  await signOut({ redirectTo: `/${await getLocale()}/login?signedOut=everywhere` });
}
