import "server-only";
import type { AlertKind, EsimState, Prisma } from "@prisma/client";
import { topUpObject } from "../api/topup-object";
import { jstIso } from "../time/jst";
import { emitEvent } from "./emit";
import type { EventData } from "./event-types";
import { esimPayload, orderPayload } from "./payloads";

// What the domain's transactions call when something an integrator hears about happens; each
// runs in the transaction of the change itself.

export function announceOrderFulfilled(tx: Prisma.TransactionClient, order: { id: string; userId: string }) {
  return emitEvent(tx, order.userId, "order.fulfilled", async () => ({ order: await orderPayload(tx, order.id) }));
}

export function announceOrderRefunded(tx: Prisma.TransactionClient, orderId: string, userId: string, at: Date) {
  return emitEvent(tx, userId, "order.refunded", async () => ({
    order: await orderPayload(tx, orderId),
    refunded_at: jstIso(at),
  }));
}

const STATE_EVENTS = {
  DOWNLOADED: "esim.downloaded",
  INSTALLED: "esim.installed",
  DISABLED: "esim.suspended",
} as const satisfies Partial<Record<EsimState, string>>;

// A lifecycle step. Enabling is announced at first use only (validity starts), not when a
// suspended eSIM is turned on again; a deletion is not an event integrators asked for.
export async function announceLifecycle(
  tx: Prisma.TransactionClient,
  esim: { id: string; userId: string },
  to: EsimState,
  validFrom: Date | null,
) {
  if (to === "ENABLED" && validFrom)
    return emitEvent(tx, esim.userId, "esim.enabled", async () => ({
      ...(await esimPayload(tx, esim.id)),
      valid_from: jstIso(validFrom),
    }));
  if (to in STATE_EVENTS) {
    const type = STATE_EVENTS[to as keyof typeof STATE_EVENTS];
    return emitEvent(tx, esim.userId, type, () => esimPayload(tx, esim.id));
  }
  return null;
}

const LEVELS = {
  DATA_75: "75%",
  DATA_90: "90%",
  DATA_EXHAUSTED: "100%",
  THROTTLED: "throttled",
} as const satisfies Partial<Record<AlertKind, EventData<"esim.usage_threshold">["level"]>>;

const DAYS_LEFT = { EXPIRES_3_DAYS: 3, EXPIRES_1_DAY: 1 } as const satisfies Partial<Record<AlertKind, number>>;

// A balance alert raised (once per package and kind, the alert's own unique key decides).
export async function announceAlert(
  tx: Prisma.TransactionClient,
  esim: { id: string; userId: string; validUntil: Date | null },
  kind: AlertKind,
) {
  if (kind in LEVELS) {
    const level = LEVELS[kind as keyof typeof LEVELS];
    return emitEvent(tx, esim.userId, "esim.usage_threshold", async () => ({
      ...(await esimPayload(tx, esim.id)),
      level,
    }));
  }
  const daysLeft = DAYS_LEFT[kind as keyof typeof DAYS_LEFT];
  if (!daysLeft || !esim.validUntil) return null;
  const expiresAt = esim.validUntil;
  return emitEvent(tx, esim.userId, "esim.expiring", async () => ({
    ...(await esimPayload(tx, esim.id)),
    days_left: daysLeft,
    expires_at: jstIso(expiresAt),
  }));
}

// Validity ended. Several paths notice it (the simulator's clock, the expiry sweeps); the key
// makes it one event per end, and a top-up in the grace window that starts a new validity
// gets its own at the new end.
export function announceExpired(tx: Prisma.TransactionClient, esim: { id: string; userId: string; validUntil: Date }) {
  const validUntil = esim.validUntil;
  return emitEvent(
    tx,
    esim.userId,
    "esim.expired",
    async () => ({ ...(await esimPayload(tx, esim.id)), expired_at: jstIso(validUntil) }),
    { dedupeKey: `esim.expired:${esim.id}:${validUntil.getTime()}` },
  );
}

export function announceTopUp(
  tx: Prisma.TransactionClient,
  esim: { id: string; userId: string },
  orderReference: string,
  pack: Parameters<typeof topUpObject>[0],
) {
  return emitEvent(tx, esim.userId, "topup.applied", async () => ({
    ...(await esimPayload(tx, esim.id)),
    order_reference: orderReference,
    topup: topUpObject(pack),
  }));
}
