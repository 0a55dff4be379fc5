// Nearest-rank percentiles, rounded to whole milliseconds unless asked for decimals.
export function percentile(values: number[], p: number, decimals = 0): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return +sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!.toFixed(decimals);
}

export function latencySummary(values: number[]) {
  return { p50Ms: percentile(values, 50), p95Ms: percentile(values, 95) };
}

export function countBy(values: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}
