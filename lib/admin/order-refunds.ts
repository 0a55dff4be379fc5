import "server-only";
import { refundOrderByStaff, type StaffRefundResult } from "../orders/staff-refunds";
import type { StaffRefundInput } from "../validation/staff-refunds";
import { recordRefusal } from "./audit";
import type { StaffMember } from "./guard";

// A refund from the console: its audit entry is written with the refund itself, and a refusal
// (over support's limit, more than is left, a chargeback open…) is written on its own.
export async function refundFromConsole(staff: StaffMember, input: StaffRefundInput): Promise<StaffRefundResult> {
  const actorRole = staff.role === "ADMIN" ? "admin" : "support";
  const result = await refundOrderByStaff({ ...input, actorId: staff.id, actorRole, audit: staff });
  if (result.status !== "refunded" && result.status !== "pending")
    await recordRefusal(staff, {
      action: "order.refund",
      targetType: "order",
      targetId: input.orderId,
      after: { refusal: result.status, amount: input.amount, reason: input.reason },
    });
  return result;
}
