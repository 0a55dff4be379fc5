"use server";

import { setPreferredLocale } from "@/lib/accounts/preferences";
import { requireUser } from "@/lib/auth/session";
import { localePreferenceSchema } from "@/lib/validation/account";
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
