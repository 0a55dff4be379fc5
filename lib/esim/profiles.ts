import "server-only";
import type { EsimState } from "@prisma/client";
import { db } from "../db/client";
import { type LifecycleEvent, nextState, validityWindow } from "./lifecycle";

export type LifecycleResult =
  | { status: "ok"; state: EsimState; validUntil: Date | null }
  | { status: "not_found" }
  | { status: "invalid_transition"; state: EsimState };

// Applies what the phone or network reports, for the owner's eSIM only. The update is
// conditional on the state it was read in, so two reports racing cannot both apply.
export async function applyLifecycleEvent(esimId: string, userId: string, event: LifecycleEvent, source: string, now = new Date()): Promise<LifecycleResult> {
  const esim = await db.esimProfile.findFirst({
    where: { id: esimId, userId },
    select: { id: true, state: true, validFrom: true, validUntil: true, packageDays: true, plan: { select: { days: true } } },
  });
  if (!esim) return { status: "not_found" };
  const to = nextState(esim.state, event);
  if (!to) return { status: "invalid_transition", state: esim.state };

  // The first time the profile is enabled is its first use on the network: validity starts,
  // for the plan's days and those of any top-up bought before.
  const validity = to === "ENABLED" && !esim.validFrom ? validityWindow(now, esim.packageDays || esim.plan.days) : null;
  return db.$transaction(async (tx): Promise<LifecycleResult> => {
    const { count } = await tx.esimProfile.updateMany({ where: { id: esim.id, state: esim.state }, data: { state: to, ...validity } });
    if (count === 0) {
      const current = await tx.esimProfile.findUniqueOrThrow({ where: { id: esim.id }, select: { state: true } });
      return { status: "invalid_transition", state: current.state };
    }
    await tx.esimEvent.create({ data: { esimId: esim.id, fromState: esim.state, toState: to, source } });
    return { status: "ok", state: to, validUntil: validity?.validUntil ?? esim.validUntil };
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
