export const navLink =
  "shrink-0 rounded px-2 py-1 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-ink";
