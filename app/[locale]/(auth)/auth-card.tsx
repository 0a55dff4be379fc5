import type { ReactNode } from "react";

export function AuthCard({
  title,
  lead,
  children,
  footer,
}: {
  title: string;
  lead: string;
  children: ReactNode;
  footer: ReactNode;
}) {
  return (
    <div className="mx-auto w-full max-w-md px-4 py-12 sm:py-16">
      <h1 className="text-3xl font-bold tracking-tight">{title}</h1>
      <p className="mt-2 text-slate-700">{lead}</p>
      <div className="mt-8 rounded-xl border border-slate-200 p-6 shadow-sm">{children}</div>
      <p className="mt-6 text-center text-sm text-slate-700">{footer}</p>
    </div>
  );
}
