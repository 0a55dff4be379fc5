import "server-only";
import type { LocalCheckoutSession, LocalDispute, Prisma } from "@prisma/client";
import { db } from "../db/client";
import { addJob } from "../jobs/queue";
import { afterSandboxWait } from "../time/sandbox";
import type { DisputeEvidenceInput, DisputeSnapshot } from "./gateway";
import { announceLocalEvent } from "./local-event-delivery";
import { disputeEvent, type LocalDisputeEventType, stripeStyleId } from "./local-events";
import { assertLocalCheckoutAllowed } from "./local-guard";
import { asDisputeBehaviour, type DisputeBehaviour } from "./test-cards";

// Disputes in the local checkout, as Stripe's test mode runs them: a dispute test card's
// payment is disputed some seconds after it succeeds; evidence reading `winning_evidence` or
// `losing_evidence` closes it won or lost shortly after; any other evidence leaves it under
// review, as a real bank would for weeks. An inquiry closes as a warning either way.

// "Some seconds" after the payment, and "shortly" after the evidence (sandbox-scaled).
export const DISPUTE_OPEN_DELAY_MS = 5_000;
export const DISPUTE_CLOSE_DELAY_MS = 5_000;
// How long the shop has to answer; Stripe's test disputes give about a week.
export const EVIDENCE_WINDOW_MS = 7 * 24 * 60 * 60_000;

export const WINNING_EVIDENCE = "winning_evidence";
export const LOSING_EVIDENCE = "losing_evidence";

type Opening = { reason: string; status: "needs_response" | "warning_needs_response" };

const OPENINGS: Record<DisputeBehaviour, Opening> = {
  fraudulent: { reason: "fraudulent", status: "needs_response" },
  product_not_received: { reason: "product_not_received", status: "needs_response" },
  inquiry: { reason: "general", status: "warning_needs_response" },
};

// Under review once the evidence is in; closed by the evidence's test value.
const REVIEW = { needs_response: "under_review", warning_needs_response: "warning_under_review" } as const;
const CLOSING = {
  under_review: { won: "won", lost: "lost" },
  warning_under_review: { won: "warning_closed", lost: "warning_closed" },
} as const;

export type DisputeOutcome = "won" | "lost";

const openJobKey = (sessionId: string) => `local-dispute-open:${sessionId}`;

// In the payment's own transaction: a dispute test card's payment is disputed later.
export async function scheduleLocalDispute(tx: Prisma.TransactionClient, session: LocalCheckoutSession) {
  if (!asDisputeBehaviour(session.cardDisputeReason)) return;
  await addJob(
    tx,
    "open-local-dispute",
    { sessionId: session.id },
    { runAt: afterSandboxWait(DISPUTE_OPEN_DELAY_MS), jobKey: openJobKey(session.id) },
  );
}

async function announce(
  tx: Prisma.TransactionClient,
  type: LocalDisputeEventType,
  dispute: LocalDispute,
  origin: string,
) {
  const session = await tx.localCheckoutSession.findUniqueOrThrow({ where: { id: dispute.sessionId } });
  await announceLocalEvent(tx, session.id, disputeEvent(type, dispute, session), origin);
}

// The job: one dispute per payment, however often the job runs (the session's row lock makes a
// second run find the first's dispute).
export async function openLocalDispute(sessionId: string, origin: string): Promise<LocalDispute | null> {
  assertLocalCheckoutAllowed();
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM local_checkout_sessions WHERE id = ${sessionId} FOR UPDATE`;
    const session = await tx.localCheckoutSession.findUnique({ where: { id: sessionId }, include: { disputes: true } });
    const behaviour = asDisputeBehaviour(session?.cardDisputeReason);
    if (!session || !behaviour || session.paymentStatus !== "paid" || session.disputes.length > 0) return null;
    const { reason, status } = OPENINGS[behaviour];
    const dispute = await tx.localDispute.create({
      data: {
        id: stripeStyleId("dp"),
        sessionId,
        amount: session.amountTotal,
        currency: session.currency,
        reason,
        status,
        evidenceDueBy: new Date(Date.now() + EVIDENCE_WINDOW_MS),
      },
    });
    await announce(tx, "charge.dispute.created", dispute, origin);
    return dispute;
  });
}

const snapshot = (dispute: LocalDispute): DisputeSnapshot => ({
  id: dispute.id,
  status: dispute.status,
  evidenceDueBy: dispute.evidenceDueBy,
});

function testOutcome(text: string): DisputeOutcome | null {
  const value = text.trim();
  if (value === WINNING_EVIDENCE) return "won";
  if (value === LOSING_EVIDENCE) return "lost";
  return null;
}

// Refuses (throws) what Stripe refuses: evidence for a dispute that is not waiting for any.
export async function submitLocalDisputeEvidence(
  { disputeId, text }: DisputeEvidenceInput,
  origin: string,
): Promise<DisputeSnapshot> {
  assertLocalCheckoutAllowed();
  return db.$transaction(async (tx) => {
    const current = await tx.localDispute.findUnique({ where: { id: disputeId } });
    if (!current || !(current.status === "needs_response" || current.status === "warning_needs_response"))
      throw new Error(`Local dispute ${disputeId} is not waiting for evidence`);
    const { count } = await tx.localDispute.updateMany({
      where: { id: disputeId, status: current.status },
      data: { status: REVIEW[current.status], evidence: text },
    });
    if (count === 0) throw new Error(`Local dispute ${disputeId} changed while evidence was submitted`);
    const dispute = await tx.localDispute.findUniqueOrThrow({ where: { id: disputeId } });
    await announce(tx, "charge.dispute.updated", dispute, origin);
    const outcome = testOutcome(text);
    if (outcome)
      await addJob(
        tx,
        "close-local-dispute",
        { disputeId, outcome },
        { runAt: afterSandboxWait(DISPUTE_CLOSE_DELAY_MS), jobKey: `local-dispute-close:${disputeId}` },
      );
    return snapshot(dispute);
  });
}

// The job the test evidence scheduled: closed once, from under review, and announced.
export async function closeLocalDispute(disputeId: string, outcome: DisputeOutcome, origin: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const current = await tx.localDispute.findUnique({ where: { id: disputeId } });
    if (!current || !(current.status === "under_review" || current.status === "warning_under_review")) return false;
    const { count } = await tx.localDispute.updateMany({
      where: { id: disputeId, status: current.status },
      data: { status: CLOSING[current.status][outcome] },
    });
    if (count === 0) return false;
    await announce(
      tx,
      "charge.dispute.closed",
      await tx.localDispute.findUniqueOrThrow({ where: { id: disputeId } }),
      origin,
    );
    return true;
  });
}
