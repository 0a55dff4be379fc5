"use client";

import { FormField } from "./form-field";

// Wherever the account's existing password is typed (login, and to confirm a sensitive change),
// so password managers offer the saved one.
type CurrentPasswordFieldProps = { name: string; label: string; hint?: string; errors?: string[]; required?: boolean };

export function CurrentPasswordField({ name, label, hint, errors, required = true }: CurrentPasswordFieldProps) {
  return (
    <FormField
      name={name}
      type="password"
      autoComplete="current-password"
      label={label}
      hint={hint}
      errors={errors}
      required={required}
    />
  );
}
