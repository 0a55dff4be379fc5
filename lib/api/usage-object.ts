import type { CarrierCode, EsimState } from "@prisma/client";
import type { EsimBalance, UsageStatus } from "../balance/summary";
import { jstIso } from "../time/jst";

// One eSIM's balance as reseller APIs (Airalo, eSIM Access) report it: bytes and seconds as
// JSON numbers (exact up to 2^53, far beyond any plan), null totals for unlimited plans.
export type UsageObject = {
  iccid: string;
  status: UsageStatus;
  total: number | null;
  remaining: number | null;
  is_unlimited: boolean;
  expired_at: string | null;
  total_voice: number;
  remaining_voice: number;
  as_of: string | null;
  carrier: CarrierCode;
  plan: string;
  profile_state: Lowercase<EsimState>;
  eid: string | null;
};

export type UsageSource = Pick<
  EsimBalance,
  | "iccid"
  | "status"
  | "isUnlimited"
  | "totalBytes"
  | "remainingBytes"
  | "validUntil"
  | "totalVoiceSeconds"
  | "remainingVoiceSeconds"
  | "asOf"
  | "carrierCode"
  | "state"
  | "eid"
> & { plan: { slug: string } };

const bytes = (value: bigint | null) => (value === null ? null : Number(value));

export function usageObject(balance: UsageSource): UsageObject {
  return {
    iccid: balance.iccid,
    status: balance.status,
    total: bytes(balance.totalBytes),
    remaining: bytes(balance.remainingBytes),
    is_unlimited: balance.isUnlimited,
    expired_at: balance.validUntil ? jstIso(balance.validUntil) : null,
    total_voice: balance.totalVoiceSeconds,
    remaining_voice: balance.remainingVoiceSeconds,
    as_of: balance.asOf ? jstIso(balance.asOf) : null,
    carrier: balance.carrierCode,
    plan: balance.plan.slug,
    profile_state: balance.state.toLowerCase() as Lowercase<EsimState>,
    eid: balance.eid,
  };
}
