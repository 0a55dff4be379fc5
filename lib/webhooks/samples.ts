import "server-only";
import { jstIso } from "../time/jst";
import type { EventData, WebhookEventType } from "./event-types";

// What a test event carries: the shapes real events have, with an example eSIM and order (a
// test ICCID, never one of the account's), so a receiver can be built before anything is bought.
const ICCID = "8981100000000000000";
const now = () => jstIso(new Date());

const usage = (): EventData<"esim.installed">["usage"] => ({
  iccid: ICCID,
  status: "ACTIVE",
  total: 1_073_741_824,
  remaining: 268_435_456,
  is_unlimited: false,
  expired_at: jstIso(new Date(Date.now() + 3 * 86_400_000)),
  total_voice: 900,
  remaining_voice: 900,
  as_of: now(),
  carrier: "KDDI_AU",
  plan: "au-1gb-3d",
  profile_state: "enabled",
  eid: "89001012012341234012345678901224",
});

const order = (status: "fulfilled" | "refunded"): EventData<"order.fulfilled">["order"] => ({
  id: "test_order",
  reference: "TB-TESTORDR",
  kind: "esim",
  status,
  total: { amount: 980, currency: "JPY" },
  plan: "au-1gb-3d",
  topup_pack: null,
  iccids: [ICCID],
  paid_at: now(),
});

const esim = () => ({ iccid: ICCID, usage: usage() });

const SAMPLES: { [Type in WebhookEventType]: () => EventData<Type> } = {
  "order.fulfilled": () => ({ order: order("fulfilled") }),
  "order.refunded": () => ({ order: order("refunded"), refunded_at: now() }),
  "esim.downloaded": esim,
  "esim.installed": esim,
  "esim.enabled": () => ({ ...esim(), valid_from: now() }),
  "esim.suspended": esim,
  "esim.usage_threshold": () => ({ ...esim(), level: "75%" }),
  "esim.expiring": () => ({ ...esim(), days_left: 3, expires_at: usage().expired_at! }),
  "esim.expired": () => ({ ...esim(), expired_at: now() }),
  "topup.applied": () => ({
    ...esim(),
    order_reference: "TB-TESTTOPU",
    topup: { id: "au-topup-1gb-7d", data_bytes: 1_073_741_824, days_added: 7, price: { amount: 880, currency: "JPY" } },
  }),
};

export function sampleData<Type extends WebhookEventType>(type: Type): EventData<Type> {
  return SAMPLES[type]();
}
