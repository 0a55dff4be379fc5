import "server-only";
import { db } from "../db/client";
import { log } from "../log";
import type { DisputeSnapshot } from "../payments/gateway";
import { paymentGateway } from "../payments/provider";
import { AWAITING_EVIDENCE, isClosedDispute, movesForward } from "./statuses";

export type EvidenceResult =
  | { status: "submitted"; disputeStatus: string }
  | { status: "not_found" }
  // Closed, or past its deadline: the bank takes no more evidence.
  | { status: "closed" }
  // Stripe takes one submission; another staff member (or a double submit) was first.
  | { status: "already_submitted" }
  // The gateway did not take it: nothing is recorded, and it may be submitted again.
  | { status: "gateway_error" };

// Staff's answer to a dispute, sent to the gateway. In test mode the text `winning_evidence` or
// `losing_evidence` closes it won or lost shortly after (charge.dispute.closed); the dispute's
// state here changes when the gateway's events say so.
export async function submitDisputeEvidence(
  { disputeId, actorId, text }: { disputeId: string; actorId: string; text: string },
  now = new Date(),
): Promise<EvidenceResult> {
  const dispute = await db.dispute.findUnique({ where: { id: disputeId } });
  if (!dispute) return { status: "not_found" };
  if (isClosedDispute(dispute.status) || (dispute.evidenceDueBy && dispute.evidenceDueBy < now))
    return { status: "closed" };
  // Claimed first, so two submissions at once send one.
  const { count } = await db.dispute.updateMany({
    where: { id: disputeId, evidenceSubmittedAt: null, status: { in: AWAITING_EVIDENCE } },
    data: { evidenceText: text, evidenceSubmittedAt: now, evidenceActorId: actorId },
  });
  if (count === 0) return { status: "already_submitted" };

  let answer: DisputeSnapshot;
  try {
    answer = await paymentGateway().submitDisputeEvidence({ disputeId, text });
  } catch (error) {
    await db.dispute.updateMany({
      where: { id: disputeId, evidenceSubmittedAt: now },
      data: { evidenceText: null, evidenceSubmittedAt: null, evidenceActorId: null },
    });
    log.error({ err: error, disputeId }, "dispute evidence: the gateway did not take it");
    return { status: "gateway_error" };
  }
  // Usually under review now; an event already applied may have moved it further.
  const current = await db.dispute.findUniqueOrThrow({ where: { id: disputeId } });
  if (movesForward(current.status, answer.status))
    await db.dispute.updateMany({ where: { id: disputeId, status: current.status }, data: { status: answer.status } });
  log.info({ disputeId, actorId, status: answer.status }, "dispute evidence submitted");
  return {
    status: "submitted",
    disputeStatus: movesForward(current.status, answer.status) ? answer.status : current.status,
  };
}
