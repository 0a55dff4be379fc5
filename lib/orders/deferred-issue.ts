import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "../db/client";
import { issueProfiles } from "../esim/issue";
import { smdpAnswers } from "../esim/smdp";
import { addJob } from "../jobs/queue";
import { log } from "../log";
import { afterSandboxWait } from "../time/sandbox";
import { enqueueReceipt } from "./order-emails";
import { transitionOrder } from "./status";

// How soon issuance is tried again while the SM-DP+ does not answer: doubling from 30 seconds,
// never more than 5 minutes apart, so an outage's end is noticed within minutes however long
// it lasted. On the sandbox's clock, like the outage itself.
const FIRST_RETRY_MS = 30_000;
const LONGEST_RETRY_MS = 5 * 60_000;

export function issueRetryDelayMs(attempt: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** attempt, LONGEST_RETRY_MS);
}

export const issueJobKey = (orderId: string) => `issue-esims:${orderId}`;

// Paid, but the SM-DP+ did not answer: the order stays PAID (its money is kept, its promotion
// redeemed) with this job to issue its eSIMs. Added in the payment's transaction, so a paid
// order always has it; it retries until the eSIMs are issued.
export function scheduleIssue(tx: Prisma.TransactionClient, orderId: string, attempt: number) {
  return addJob(
    tx,
    "issue-esims",
    { orderId, attempt },
    { runAt: afterSandboxWait(issueRetryDelayMs(attempt)), jobKey: issueJobKey(orderId) },
  );
}

export type IssueOutcome = { status: "issued" | "retrying" | "already_done" };

// The rest of fulfilment for an order paid during an outage. The PAID → FULFILLED move is the
// claim, made in the same transaction as the issue: of two runs at once one issues and the
// other finds the order fulfilled, and (orderId, sequence) forbids a second set of profiles.
export async function issueWhenSmdpAnswers(orderId: string, attempt: number): Promise<IssueOutcome> {
  return db.$transaction(async (tx): Promise<IssueOutcome> => {
    const order = await tx.order.findUnique({
      where: { id: orderId },
      select: {
        id: true,
        userId: true,
        planId: true,
        quantity: true,
        kind: true,
        status: true,
        plan: { select: { carrierCode: true } },
      },
    });
    if (!order || order.status !== "PAID" || order.kind !== "ESIM" || !order.plan) return { status: "already_done" };
    if (!(await smdpAnswers(tx, order.userId, order.plan.carrierCode))) {
      await scheduleIssue(tx, order.id, attempt + 1);
      return { status: "retrying" };
    }
    const claimed = await transitionOrder(tx, { id: order.id }, "PAID", "FULFILLED", { fulfilledAt: new Date() });
    if (!claimed) return { status: "already_done" };
    await issueProfiles(tx, order);
    await enqueueReceipt(tx, order.id);
    log.info({ orderId, attempt }, "eSIMs issued once the SM-DP+ answered again");
    return { status: "issued" };
  });
}
