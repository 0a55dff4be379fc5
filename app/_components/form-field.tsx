"use client";

import { useTranslations } from "next-intl";
import type { InputHTMLAttributes } from "react";
import type { Messages } from "@/lib/i18n/messages";

type ErrorCode = keyof Messages["Errors"];

type FormFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
};

// A labelled input whose hint and error messages are announced with it.
export function FormField({ name, label, hint, errors, ...input }: FormFieldProps) {
  const t = useTranslations("Errors");
  const id = `field-${name}`;
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
      {errorId && (
        <p id={errorId} className="text-sm font-medium text-brand-700">
          {errors?.map((code) => t(code as ErrorCode)).join(" ")}
        </p>
      )}
    </div>
  );
}
