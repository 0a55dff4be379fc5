// A bar showing how much of something is left, announced as a meter.
export function DataMeter({ fraction, label, valueText }: { fraction: number; label: string; valueText: string }) {
  const percent = Math.round(Math.min(1, Math.max(0, fraction)) * 100);
  const colour = percent <= 10 ? "bg-brand-700" : percent <= 25 ? "bg-amber-500" : "bg-emerald-600";
  return (
    <div
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={valueText}
      className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
    >
      <div className={`h-full ${colour}`} style={{ width: `${percent}%` }} />
    </div>
  );
}
