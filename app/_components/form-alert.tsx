import type { ReactNode } from "react";

export function FormAlert({ children }: { children: ReactNode }) {
  return (
    <p
      role="alert"
      className="rounded-md border border-brand-700 bg-brand-50 px-4 py-3 text-sm font-medium text-brand-800"
    >
      {children}
    </p>
  );
}
