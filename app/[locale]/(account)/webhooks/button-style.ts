// The small outlined button every endpoint control uses.
export const BUTTON =
  "rounded-md border border-slate-400 px-3 py-1 text-sm font-semibold hover:bg-slate-50 disabled:opacity-60";
