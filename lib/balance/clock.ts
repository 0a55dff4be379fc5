// The simulator can move one eSIM's clock forward ("advance the clock by a day"); everything
// about that eSIM's time — validity, expiry, alerts, usage dates — reads this clock.
export function esimNow(esim: { clockOffsetMinutes: number }, realNow = new Date()): Date {
  return new Date(realNow.getTime() + esim.clockOffsetMinutes * 60_000);
}

const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

// The Japan calendar date of an instant, as YYYY-MM-DD: fair-use allowances reset at
// midnight JST.
export function jstDate(instant: Date): string {
  return new Date(instant.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);
}

export function startOfJstDay(instant: Date): Date {
  return new Date(Date.parse(`${jstDate(instant)}T00:00:00+09:00`));
}
