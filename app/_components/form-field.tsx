"use client";

import type { InputHTMLAttributes } from "react";
import { FieldErrors } from "./field-errors";

type FormFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
};

// A labelled input whose hint and error messages are announced with it.
// `id` is needed only where one page holds the same field twice.
export function FormField({ name, label, hint, errors, id = `field-${name}`, ...input }: FormFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        className="block w-full rounded-md border border-slate-400 px-3 py-2 text-base aria-[invalid]:border-brand-700"
        {...input}
      />
      {hint && (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      {errorId && <FieldErrors id={errorId} errors={errors} />}
    </div>
  );
}
