import type { EsimState } from "@prisma/client";
import { endOfJstDay } from "../time/jst";

// What the simulated phone and network report, and the profile state each leads to
// (GSMA SGP.22 profile states, simplified): released by the SM-DP+ → downloaded to the phone →
// installed → enabled on first use; it can be disabled and enabled again, or deleted for good.
export const LIFECYCLE_EVENTS = ["download", "install", "enable", "disable", "delete"] as const;
export type LifecycleEvent = (typeof LIFECYCLE_EVENTS)[number];

// What the shop itself does to a profile, never a phone: one whose order was refunded in full is
// revoked at the SM-DP+, wherever it stood, and can then only be deleted from the phone.
export const SHOP_EVENTS = ["revoke"] as const;
export type ShopEvent = (typeof SHOP_EVENTS)[number];

const TRANSITIONS: Record<LifecycleEvent | ShopEvent, { from: EsimState[]; to: EsimState }> = {
  download: { from: ["RELEASED"], to: "DOWNLOADED" },
  install: { from: ["DOWNLOADED"], to: "INSTALLED" },
  enable: { from: ["INSTALLED", "DISABLED"], to: "ENABLED" },
  disable: { from: ["ENABLED"], to: "DISABLED" },
  delete: { from: ["RELEASED", "DOWNLOADED", "INSTALLED", "ENABLED", "DISABLED", "REVOKED"], to: "DELETED" },
  revoke: { from: ["RELEASED", "DOWNLOADED", "INSTALLED", "ENABLED", "DISABLED"], to: "REVOKED" },
};

// Who reports a step: the signed-in owner, or whoever holds the activation link (a phone that
// is not signed in). The link does what a phone does with its activation code; turning the
// eSIM off or deleting it for good is the owner's decision, so a leaked link cannot end it.
export type Reporter = "owner" | "link-holder";
const PHONE_EVENTS: readonly LifecycleEvent[] = ["download", "install", "enable"];

export function mayReport(reporter: Reporter, event: LifecycleEvent): boolean {
  return reporter === "owner" || PHONE_EVENTS.includes(event);
}

export function nextState(current: EsimState, event: LifecycleEvent | ShopEvent): EsimState | null {
  const transition = TRANSITIONS[event];
  return transition.from.includes(current) ? transition.to : null;
}

export function allowedEvents(current: EsimState): LifecycleEvent[] {
  return LIFECYCLE_EVENTS.filter((event) => nextState(current, event) !== null);
}

// The profile is on the phone: from here the traveller comes back for the balance, and needs
// the install details only to check them. A deleted profile is on no phone any more.
// A revoked profile may still be on the phone, but its install details are of no more use.
const ON_THE_PHONE: readonly EsimState[] = ["INSTALLED", "ENABLED", "DISABLED", "REVOKED"];

export function isInstalled(state: EsimState): boolean {
  return ON_THE_PHONE.includes(state);
}

// Validity starts at first use on the network; that Japan-time day counts as day 1, and the
// plan ends at 23:59:59 JST on the last day.
export function validityWindow(firstUse: Date, days: number): { validFrom: Date; validUntil: Date } {
  return { validFrom: firstUse, validUntil: endOfJstDay(firstUse, days - 1) };
}
