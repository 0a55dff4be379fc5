"use client";

import { useTranslations } from "next-intl";
import { PASSWORD_MIN_LENGTH } from "@/lib/validation/auth";
import { FormField } from "./form-field";

// Wherever a password is chosen (registration, reset, change), with the same rule shown.
export function NewPasswordField({ name, label, errors }: { name: string; label: string; errors?: string[] }) {
  const t = useTranslations("Auth");
  return (
    <FormField
      name={name}
      type="password"
      autoComplete="new-password"
      label={label}
      hint={t("passwordHint", { min: PASSWORD_MIN_LENGTH })}
      errors={errors}
      minLength={PASSWORD_MIN_LENGTH}
      required
    />
  );
}
