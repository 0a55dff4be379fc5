import "server-only";
import { db } from "../db/client";
import { lockEsim } from "../esim/row-lock";
import { announceExpired } from "./announce";

// eSIMs whose validity ended (on their own clocks) within the last day, for accounts with an
// endpoint taking esim.expired and no announcement of this end yet. The lapse of what was left
// announces most ends; this catches those with nothing left to lapse.
export async function announceExpiredEsims(limit = 100): Promise<number> {
  const ended = await db.$queryRaw<{ id: string }[]>`
    SELECT e.id FROM esim_profiles e
    WHERE e."validUntil" < now() + e."clockOffsetMinutes" * interval '1 minute'
      AND e."validUntil" > now() + e."clockOffsetMinutes" * interval '1 minute' - interval '1 day'
      AND EXISTS (SELECT 1 FROM webhook_endpoints w
        WHERE w."userId" = e."userId" AND w."disabledAt" IS NULL AND 'esim.expired' = ANY(w."eventTypes"))
      AND NOT EXISTS (SELECT 1 FROM webhook_events v WHERE v."userId" = e."userId"
        AND v."dedupeKey" = 'esim.expired:' || e.id || ':' || (extract(epoch FROM e."validUntil") * 1000)::bigint)
    LIMIT ${limit}`;
  let announced = 0;
  for (const { id } of ended) {
    const made = await db.$transaction(async (tx) => {
      const esim = await lockEsim(tx, id);
      return esim?.validUntil ? announceExpired(tx, { ...esim, validUntil: esim.validUntil }) : null;
    });
    if (made) announced += 1;
  }
  return announced;
}
