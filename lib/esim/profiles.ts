import "server-only";
import type { EsimState, Prisma } from "@prisma/client";
import { db } from "../db/client";
import { announceLifecycle } from "../webhooks/announce";
import { simulatedDeviceEid } from "./identifiers";
import { type LifecycleEvent, nextState, validityWindow } from "./lifecycle";
import { type LockedEsim, lockEsim } from "./row-lock";
import { smdpAnswers } from "./smdp";

export type LifecycleResult =
  | { status: "ok"; state: EsimState; eid: string | null; validUntil: Date | null }
  | { status: "not_found" }
  | { status: "invalid_transition"; state: EsimState }
  | { status: "smdp_unavailable" };

// Applies what the phone or network reports, for the owner's eSIM only. It runs under the
// eSIM's row lock, so two reports racing apply one after the other (the second is judged
// from the state the first left).
// A download binds the profile to the phone that made it (`eid`, or a simulated phone's);
// the state machine then refuses a second download, as an SM-DP+ refuses a used code.
// A download needs the carrier's SM-DP+ to answer; while it does not, the phone is told so and
// the profile stays released, to be downloaded once it answers again.
export async function applyLifecycleEvent(
  esimId: string,
  userId: string,
  event: LifecycleEvent,
  source: string,
  { now = new Date(), eid }: { now?: Date; eid?: string } = {},
): Promise<LifecycleResult> {
  return db.$transaction(async (tx): Promise<LifecycleResult> => {
    const esim = await lockEsim(tx, esimId, userId);
    if (!esim) return { status: "not_found" };
    const to = nextState(esim.state, event);
    if (!to) return { status: "invalid_transition", state: esim.state };
    if (event === "download" && !(await smdpAnswers(tx, esim.userId, esim.carrierCode))) {
      return { status: "smdp_unavailable" };
    }

    // The first time the profile is enabled is its first use on the network: validity starts,
    // for the plan's days and those of any top-up bought before (read under the lock, so a
    // top-up paid at this moment is counted).
    const validity = to === "ENABLED" && !esim.validFrom ? validityWindow(now, await validDays(tx, esim)) : null;
    const device = event === "download" ? { eid: eid ?? simulatedDeviceEid() } : null;
    await tx.esimProfile.update({ where: { id: esim.id }, data: { state: to, ...validity, ...device } });
    await tx.esimEvent.create({ data: { esimId: esim.id, fromState: esim.state, toState: to, source } });
    await announceLifecycle(tx, esim, to, validity?.validFrom ?? null);
    return {
      status: "ok",
      state: to,
      eid: device?.eid ?? esim.eid,
      validUntil: validity?.validUntil ?? esim.validUntil,
    };
  });
}

async function validDays(tx: Prisma.TransactionClient, esim: LockedEsim): Promise<number> {
  if (esim.packageDays > 0) return esim.packageDays;
  const { plan } = await tx.esimProfile.findUniqueOrThrow({
    where: { id: esim.id },
    select: { plan: { select: { days: true } } },
  });
  return plan.days;
}

export function esimForOwner(esimId: string, userId: string) {
  return db.esimProfile.findFirst({
    where: { id: esimId, userId },
    include: {
      plan: { include: { carrier: { select: { name: true, networkName: true } } } },
      events: { orderBy: { createdAt: "desc" }, take: 10 },
    },
  });
}
