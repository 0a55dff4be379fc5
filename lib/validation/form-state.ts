import { z } from "./zod";

// What a server action hands back to its form: the submitted values to refill the inputs
// (React resets uncontrolled inputs after an action), per-field message keys, and an optional
// form-level message key.
export type FormState<Field extends string, FormError extends string = never> = {
  values: Partial<Record<Field, string>>;
  fieldErrors: Partial<Record<Field, string[]>>;
  formError?: FormError;
  retryAfterSeconds?: number;
};

export function fieldErrorsOf<Field extends string>(error: z.ZodError): Partial<Record<Field, string[]>> {
  return z.flattenError(error).fieldErrors as Partial<Record<Field, string[]>>;
}

// Echoed values are capped so an oversized field is not sent back to the browser whole.
export function submittedValues<Field extends string>(
  formData: FormData,
  fields: readonly Field[],
): Partial<Record<Field, string>> {
  const values: Partial<Record<Field, string>> = {};
  for (const field of fields) {
    const value = formData.get(field);
    if (typeof value === "string") values[field] = value.slice(0, 300);
  }
  return values;
}
