// The zone next-intl and Intl display times in: plan validity ("ends 23:59:59 on the last day
// in Japan"), fair-use days and every time the product shows are Japan time, whatever the
// server's or the visitor's zone.
export const JST_TIME_ZONE = "Asia/Tokyo";

// Japan keeps no daylight saving time, so one fixed offset converts every instant and every
// JST day is exactly 24 hours long.
export const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

const DAY_MS = 24 * 60 * 60 * 1000;

// The Japan calendar date of an instant, as YYYY-MM-DD: fair-use allowances reset at
// midnight JST.
export function jstDate(instant: Date): string {
  return new Date(instant.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);
}

export function startOfJstDay(instant: Date): Date {
  return new Date(Date.parse(jstDate(instant)) - JST_OFFSET_MS);
}

// 23:59:59.999 JST on the Japan day `daysOn` days after the instant's own: where a validity
// counted in whole Japan days ends.
export function endOfJstDay(instant: Date, daysOn = 0): Date {
  return new Date(startOfJstDay(instant).getTime() + (daysOn + 1) * DAY_MS - 1);
}

// The instant of a Japan wall-clock date ("2026-12-01": its midnight) or date and time
// ("2026-12-01T09:30", as a datetime-local input writes it, or with seconds); an Invalid Date
// for anything else.
export function fromJstLocal(local: string): Date {
  const [date, time = "00:00", ...rest] = local.split("T");
  if (rest.length > 0) return new Date(Number.NaN);
  return new Date(Date.parse(`${date}T${time}Z`) - JST_OFFSET_MS);
}

// The Japan wall-clock date and time of an instant, to the minute: the value a datetime-local
// input shows for it.
export function jstLocal(instant: Date): string {
  return new Date(instant.getTime() + JST_OFFSET_MS).toISOString().slice(0, 16);
}

// The instants a range of Japan days (YYYY-MM-DD) covers: from the first day's midnight, Japan
// time, to the end of the last day. Either end may be open.
export function jstDayRange({ from, to }: { from?: string; to?: string }): { gte?: Date; lt?: Date } {
  return {
    ...(from ? { gte: fromJstLocal(from) } : {}),
    ...(to ? { lt: new Date(fromJstLocal(to).getTime() + DAY_MS) } : {}),
  };
}

// Instants in API responses are Japan time with an explicit offset, the way the plan's
// validity is defined, to the second.
export function jstIso(instant: Date): string {
  return `${new Date(instant.getTime() + JST_OFFSET_MS).toISOString().slice(0, 19)}+09:00`;
}
