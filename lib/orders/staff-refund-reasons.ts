import type { GatewayRefundReason } from "../payments/gateway";

// Why staff gave money back, from the console's list (its note says the rest). Each maps to the
// reason Stripe is told, which it feeds to its fraud models.
export const STAFF_REFUND_REASONS = [
  "requested_by_customer",
  "service_problem",
  "not_activated",
  "duplicate",
  "fraudulent",
  "goodwill",
  "other",
] as const;

export type StaffRefundReason = (typeof STAFF_REFUND_REASONS)[number];

const GATEWAY_REASONS: Record<StaffRefundReason, GatewayRefundReason | undefined> = {
  requested_by_customer: "requested_by_customer",
  service_problem: "requested_by_customer",
  not_activated: "requested_by_customer",
  duplicate: "duplicate",
  fraudulent: "fraudulent",
  goodwill: undefined,
  other: undefined,
};

export function gatewayRefundReason(reason: StaffRefundReason): GatewayRefundReason | undefined {
  return GATEWAY_REASONS[reason];
}

export function isStaffRefundReason(value: string): value is StaffRefundReason {
  return (STAFF_REFUND_REASONS as readonly string[]).includes(value);
}
