const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

// Instants in API responses are Japan time with an explicit offset, the way the plan's
// validity is defined ("ends 23:59:59 on the last day in Japan"), to the second.
export function jstIso(instant: Date): string {
  return `${new Date(instant.getTime() + JST_OFFSET_MS).toISOString().slice(0, 19)}+09:00`;
}
