import type { ReactNode } from "react";

// Confirms what the visitor just did, after a redirect brought them here.
export function SuccessNote({ children, className = "" }: { children: ReactNode; className?: string }) {
  return (
    <p role="status" className={`rounded-md bg-emerald-50 px-4 py-3 text-emerald-900 ${className}`}>
      {children}
    </p>
  );
}
