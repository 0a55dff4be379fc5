// The bytes of record `k` (1-based) when `total` is spread evenly over `records`: every record
// gets its share rounded down and the rounding lands where it falls, so the records always add
// up to the total exactly.
export function shareOf(total: bigint, records: number, k: number): bigint {
  const count = BigInt(records);
  return (total * BigInt(k)) / count - (total * BigInt(k - 1)) / count;
}

// The network reports a phone's traffic in 15-minute records, as carriers' CDRs are cut.
export const RECORD_SLOT_MS = 15 * 60_000;

export function recordsIn(spanMs: number): number {
  return Math.max(1, Math.ceil(spanMs / RECORD_SLOT_MS));
}
