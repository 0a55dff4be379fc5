"use server";

import { CredentialsSignin } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { type ActionReply, userAction } from "@/app/_lib/form-action";
import { changePassword } from "@/lib/accounts/password-change";
import { signIn, signOut } from "@/lib/auth/auth";
import { clientIp } from "@/lib/auth/client-ip";
import { logOutEverywhere } from "@/lib/auth/session-revocation";
import { changePasswordSchema } from "@/lib/validation/auth";
import type { FormState } from "@/lib/validation/form-state";

// Only passwords are typed here, and passwords are never echoed back to the form.
export type ChangePasswordState = FormState<"currentPassword" | "newPassword" | "confirmPassword", "rate_limited">;

// The signed-in user's own password, with the current one.
export const changeOwnPassword = userAction(
  { schema: changePasswordSchema, returnTo: "/account" },
  async (passwords, { user, locale }): Promise<ActionReply<ChangePasswordState>> => {
    const result = await changePassword(user, passwords, clientIp(await headers()));
    if (result.status === "wrong_password") return { fieldErrors: { currentPassword: ["current_password_wrong"] } };
    if (result.status === "rate_limited") return result;

    // The change ended every session, this browser's too: signing in with the new password gives
    // it a fresh one. The redirect matters: the page rendered after it reads the new cookie.
    try {
      await signIn("credentials", {
        email: user.email,
        password: passwords.newPassword,
        redirectTo: `/${locale}/account?password=changed`,
      });
    } catch (error) {
      if (!(error instanceof CredentialsSignin)) throw error;
      // Locked out by failures from elsewhere in the meantime: the password is changed all the same.
      redirect(`/${locale}/login?${new URLSearchParams({ callbackUrl: `/${locale}/account` })}`);
    }
    return {};
  },
);

// Ends every session of the signed-in user, this one included, and revokes their API tokens.
export const signOutEverywhere = userAction(
  { schema: z.object({}), returnTo: "/account" },
  async (_input, { user, locale }): Promise<ActionReply<FormState<never>>> => {
    await logOutEverywhere(user.id);
    await signOut({ redirectTo: `/${locale}/login?signedOut=everywhere` });
    return {};
  },
);
