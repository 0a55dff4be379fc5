import "server-only";
import { db } from "../db/client";
import { type EvidenceResult, submitDisputeEvidence } from "../disputes/evidence";
import type { DisputeEvidenceForm } from "../validation/staff-refunds";
import { recordAudit, recordRefusal } from "./audit";
import type { StaffMember } from "./guard";

// Evidence sent from the console, audited on the dispute's order whether the gateway took it
// or it was refused.
export async function submitEvidenceFromConsole(
  staff: StaffMember,
  { disputeId, text }: DisputeEvidenceForm,
): Promise<EvidenceResult & { orderId?: string }> {
  const dispute = await db.dispute.findUnique({ where: { id: disputeId }, select: { orderId: true, status: true } });
  if (!dispute) return { status: "not_found" };
  const result = await submitDisputeEvidence({ disputeId, actorId: staff.id, text });
  const record = {
    action: "dispute.evidence",
    targetType: "order",
    targetId: dispute.orderId,
    before: { dispute: disputeId, status: dispute.status },
  };
  // The gateway's call is outside any transaction; the evidence is on the dispute's row already.
  if (result.status === "submitted")
    await recordAudit(db, staff, { ...record, after: { status: result.disputeStatus, text } });
  else await recordRefusal(staff, { ...record, after: { refusal: result.status } });
  return { ...result, orderId: dispute.orderId };
}
