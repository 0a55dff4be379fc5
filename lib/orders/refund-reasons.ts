import type { TopUpRefused } from "../balance/topups";

// Why a paid order was given back, as its failure reason stores it. Every refusal of a top-up
// at fulfilment must be listed: fulfilment passes `topup_<reason>` where a RefundReason goes.
export const REFUND_REASONS = [
  "topup_closed",
  "topup_not_owner",
  "topup_wrong_carrier",
  "topup_not_found",
] as const satisfies readonly `topup_${TopUpRefused["reason"]}`[];

export type RefundReason = (typeof REFUND_REASONS)[number];

export function refundReason(failureReason: string | null): RefundReason | null {
  return REFUND_REASONS.find((reason) => reason === failureReason) ?? null;
}
