"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { type ActionReply, userAction } from "@/app/_lib/form-action";
import { updateContactDetails } from "@/lib/accounts/contact-details";
import { setPreferredLocale } from "@/lib/accounts/preferences";
import { clientIp } from "@/lib/auth/client-ip";
import { contactDetailsSchema, localePreferenceSchema } from "@/lib/validation/account";
import type { FormState } from "@/lib/validation/form-state";

export type LocalePreferenceState = FormState<"locale"> & { saved?: boolean };

// The signed-in user's own preferences and details; nobody else's can be named.
export const savePreferredLocale = userAction(
  { schema: localePreferenceSchema, echo: ["locale"], returnTo: "/account" },
  async ({ locale }, { user }): Promise<ActionReply<LocalePreferenceState>> => {
    await setPreferredLocale(user.id, locale);
    return { saved: true };
  },
);

// The password is never echoed back to the form.
export type ContactDetailsState = FormState<"name" | "email" | "phone" | "password", "rate_limited"> & {
  saved?: "details" | "email_changed";
};

export const saveContactDetails = userAction(
  { schema: contactDetailsSchema, echo: ["name", "email", "phone"], returnTo: "/account" },
  async (details, { user, locale }): Promise<ActionReply<ContactDetailsState>> => {
    const result = await updateContactDetails(user, details, clientIp(await headers()));
    switch (result.status) {
      case "saved":
        // The details above the form, the greeting and the verification banner show the change.
        revalidatePath(`/${locale}/account`);
        return { saved: result.emailChanged ? "email_changed" : "details" };
      case "password_required":
        return { fieldErrors: { password: ["current_password_for_email"] } };
      case "wrong_password":
        return { fieldErrors: { password: ["current_password_wrong"] } };
      case "email_in_use":
        return { fieldErrors: { email: ["email_in_use"] } };
      case "rate_limited":
        return result;
    }
  },
);
