"use server";

import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { headers } from "next/headers";
import { updateContactDetails } from "@/lib/accounts/contact-details";
import { setPreferredLocale } from "@/lib/accounts/preferences";
import { clientIp } from "@/lib/auth/client-ip";
import { requireUser } from "@/lib/auth/session";
import { contactDetailsSchema, localePreferenceSchema } from "@/lib/validation/account";
import { type FormState, fieldErrorsOf, submittedValues } from "@/lib/validation/form-state";

export type LocalePreferenceState = FormState<"locale"> & { saved?: boolean };

export async function savePreferredLocale(
  _previous: LocalePreferenceState,
  formData: FormData,
): Promise<LocalePreferenceState> {
  const values = submittedValues(formData, ["locale"] as const);
  const user = await requireUser("/account");
  const parsed = localePreferenceSchema.safeParse({ locale: formData.get("locale") });
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error) };
  await setPreferredLocale(user.id, parsed.data.locale);
  return { values, fieldErrors: {}, saved: true };
}

// The password is never echoed back to the form.
export type ContactDetailsState = FormState<"name" | "email" | "phone" | "password", "rate_limited"> & {
  saved?: "details" | "email_changed";
};

export async function saveContactDetails(
  _previous: ContactDetailsState,
  formData: FormData,
): Promise<ContactDetailsState> {
  const values = submittedValues(formData, ["name", "email", "phone"] as const);
  const user = await requireUser("/account");
  const parsed = contactDetailsSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error) };

  const result = await updateContactDetails(user, parsed.data, clientIp(await headers()));
  switch (result.status) {
    case "saved":
      // The details above the form, the greeting and the verification banner show the change.
      revalidatePath(`/${await getLocale()}/account`);
      return { values, fieldErrors: {}, saved: result.emailChanged ? "email_changed" : "details" };
    case "password_required":
      return { values, fieldErrors: { password: ["current_password_for_email"] } };
    case "wrong_password":
      return { values, fieldErrors: { password: ["current_password_wrong"] } };
    case "email_in_use":
      return { values, fieldErrors: { email: ["email_in_use"] } };
    case "rate_limited":
      return { values, fieldErrors: {}, formError: "rate_limited", retryAfterSeconds: result.retryAfterSeconds };
  }
}
