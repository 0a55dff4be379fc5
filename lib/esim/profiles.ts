import "server-only";
import type { EsimState } from "@prisma/client";
import { db } from "../db/client";
import { simulatedDeviceEid } from "./identifiers";
import { type LifecycleEvent, nextState, validityWindow } from "./lifecycle";

export type LifecycleResult =
  | { status: "ok"; state: EsimState; eid: string | null; validUntil: Date | null }
  | { status: "not_found" }
  | { status: "invalid_transition"; state: EsimState };

// Applies what the phone or network reports, for the owner's eSIM only. The update is
// conditional on the state it was read in, so two reports racing cannot both apply.
// A download binds the profile to the phone that made it (`eid`, or a simulated phone's);
// the state machine then refuses a second download, as an SM-DP+ refuses a used code.
export async function applyLifecycleEvent(
  esimId: string,
  userId: string,
  event: LifecycleEvent,
  source: string,
  { now = new Date(), eid }: { now?: Date; eid?: string } = {},
): Promise<LifecycleResult> {
  const esim = await db.esimProfile.findFirst({
    where: { id: esimId, userId },
    select: {
      id: true,
      state: true,
      eid: true,
      validFrom: true,
      validUntil: true,
      packageDays: true,
      plan: { select: { days: true } },
    },
  });
  if (!esim) return { status: "not_found" };
  const to = nextState(esim.state, event);
  if (!to) return { status: "invalid_transition", state: esim.state };

  // The first time the profile is enabled is its first use on the network: validity starts,
  // for the plan's days and those of any top-up bought before.
  const validity = to === "ENABLED" && !esim.validFrom ? validityWindow(now, esim.packageDays || esim.plan.days) : null;
  const device = event === "download" ? { eid: eid ?? simulatedDeviceEid() } : null;
  return db.$transaction(async (tx): Promise<LifecycleResult> => {
    const { count } = await tx.esimProfile.updateMany({
      where: { id: esim.id, state: esim.state },
      data: { state: to, ...validity, ...device },
    });
    if (count === 0) {
      const current = await tx.esimProfile.findUniqueOrThrow({ where: { id: esim.id }, select: { state: true } });
      return { status: "invalid_transition", state: current.state };
    }
    await tx.esimEvent.create({ data: { esimId: esim.id, fromState: esim.state, toState: to, source } });
    return {
      status: "ok",
      state: to,
      eid: device?.eid ?? esim.eid,
      validUntil: validity?.validUntil ?? esim.validUntil,
    };
  });
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
