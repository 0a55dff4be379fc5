import type { TopUpRefused } from "../balance/topups";
import type { CodeRefused } from "./promotions";

// Why a paid order was given back, as its failure reason stores it. Every refusal at
// fulfilment must be listed: fulfilment passes `topup_<reason>` or `promo_<reason>` where a
// RefundReason goes, and a payment whose amount is not the order's is given back whole.
export const REFUND_REASONS = [
  "topup_closed",
  "topup_not_owner",
  "topup_wrong_carrier",
  "topup_not_found",
  "promo_already_redeemed",
  "promo_used_up",
  "amount_mismatch",
] as const satisfies readonly (
  `topup_${TopUpRefused["reason"]}` | `promo_${CodeRefused["reason"]}` | "amount_mismatch"
)[];

export type RefundReason = (typeof REFUND_REASONS)[number];

export function refundReason(failureReason: string | null): RefundReason | null {
  return REFUND_REASONS.find((reason) => reason === failureReason) ?? null;
}
