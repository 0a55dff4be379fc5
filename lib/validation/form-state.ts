import { z } from "./zod";

// What a server action hands back to its form: the submitted values to refill the inputs
// (React resets uncontrolled inputs after an action), per-field message keys, and an optional
// form-level message key. `Repeated` fields (checkboxes sharing one name) come back as lists.
export type FormState<Field extends string, FormError extends string = never, Repeated extends string = never> = {
  values: Partial<Record<Field, string> & Record<Repeated, string[]>>;
  fieldErrors: Partial<Record<Field | Repeated, string[]>>;
  formError?: FormError;
  retryAfterSeconds?: number;
};

export type AnyFormState = {
  values: Partial<Record<string, string | string[]>>;
  fieldErrors: Partial<Record<string, string[]>>;
  formError?: string;
  retryAfterSeconds?: number;
};

// The fields of a form's schema that take a list: the ones a form may post under one name more
// than once.
export type RepeatedFields<Schema extends z.ZodType> = {
  [Key in keyof z.input<Schema>]-?: NonNullable<z.input<Schema>[Key]> extends readonly unknown[] ? Key : never;
}[keyof z.input<Schema>] &
  string;

export function fieldErrorsOf<Field extends string>(error: z.ZodError): Partial<Record<Field, string[]>> {
  return z.flattenError(error).fieldErrors as Partial<Record<Field, string[]>>;
}

// A posted form as the object its schema parses: each field's value, except that a repeated
// field is read whole as a list (a plain read keeps only its last value).
export function formInput(formData: FormData, repeated: readonly string[] = []): Record<string, unknown> {
  const input: Record<string, unknown> = Object.fromEntries(formData);
  for (const field of repeated) input[field] = formData.getAll(field);
  return input;
}

// Echoed values are capped (a list in its length too) so an oversized field is not sent back to
// the browser whole.
const ECHO_LIMIT = 300;

const text = (value: FormDataEntryValue | null) => (typeof value === "string" ? value.slice(0, ECHO_LIMIT) : undefined);

export function submittedValues(
  formData: FormData,
  fields: readonly string[],
  repeated: readonly string[] = [],
): Partial<Record<string, string | string[]>> {
  const values: Partial<Record<string, string | string[]>> = {};
  for (const field of fields) {
    const value = repeated.includes(field)
      ? formData
          .getAll(field)
          .slice(0, ECHO_LIMIT)
          .map(text)
          .filter((one) => one !== undefined)
      : text(formData.get(field));
    if (value !== undefined) values[field] = value;
  }
  return values;
}
