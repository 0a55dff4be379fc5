"use client";

import { useTranslations } from "next-intl";
import type { Messages } from "@/lib/i18n/messages";

type ErrorCode = keyof Messages["Errors"];

// A field's error messages, under the id its input or fieldset points to with aria-describedby.
export function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  const t = useTranslations("Errors");
  if (!errors?.length) return null;
  return (
    <p id={id} className="text-sm font-medium text-brand-700">
      {errors.map((code) => t(code as ErrorCode)).join(" ")}
    </p>
  );
}
