// The simulator can move one eSIM's clock forward ("advance the clock by a day"); everything
// about that eSIM's time — validity, expiry, alerts, usage dates — reads this clock.
export function esimNow(esim: { clockOffsetMinutes: number }, realNow = new Date()): Date {
  return new Date(realNow.getTime() + esim.clockOffsetMinutes * 60_000);
}
