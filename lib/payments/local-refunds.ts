import "server-only";
import { createHmac } from "node:crypto";
import type { LocalCheckoutSession, LocalRefund, Prisma } from "@prisma/client";
import { hashToken } from "../accounts/tokens";
import { db } from "../db/client";
import { env } from "../env";
import { addJob } from "../jobs/queue";
import { afterSandboxWait } from "../time/sandbox";
import type { BankAccount } from "../validation/local-payments";
import type { RefundInput, RefundRefusal, RefundSnapshot, RefundStatus } from "./gateway";
import { announceLocalEvent } from "./local-event-delivery";
import { refundEvent, stripeStyleId } from "./local-events";
import { assertLocalCheckoutAllowed } from "./local-guard";
import { asRefundBehaviour } from "./test-cards";

// Refunds in the local checkout, with Stripe's test behaviours: cards and wallets refund at
// once; the refund test cards settle later or fail after succeeding; a Konbini payment has no
// card to return to, so its refund waits for the buyer's bank account, and fails unanswered.

// "Some time later" in Stripe's description of the refund test cards.
export const REFUND_SETTLE_DELAY_MS = 60_000;
// How long a Konbini refund waits for the bank account before it fails.
export const KONBINI_REFUND_WINDOW_MS = 45 * 24 * 60 * 60_000;

// Stripe's test bank account numbers that fail a Konbini refund; any other account succeeds.
export const FAILING_TEST_ACCOUNTS = ["1111113", "1111116", "3333335", "4444440"] as const;

export function localRefundPath(token: string): string {
  return `/checkout/local/refunds/${token}`;
}

// The bank-account link's token follows from the refund (keyed with the server's secret; only
// its hash is stored), so the refund asked for again (a retry after a lost answer, a concurrent
// caller) answers with the same link, whichever answer the order ends up recording.
function bankDetailsToken(refundId: string): string {
  return createHmac("sha256", env().AUTH_SECRET).update(`local-refund-bank-details:${refundId}`).digest("base64url");
}

function snapshot(refund: LocalRefund): RefundSnapshot {
  return {
    id: refund.id,
    status: refund.status as RefundStatus,
    amount: refund.amount,
    currency: refund.currency,
    actionUrl: refund.status === "requires_action" ? localRefundPath(bankDetailsToken(refund.id)) : null,
  };
}

// What the refund starts as, and what it becomes later by itself (a job).
function plan(session: LocalCheckoutSession): { status: RefundStatus; later?: { to: RefundStatus; waitMs: number } } {
  if (session.paymentMethod === "konbini")
    return { status: "requires_action", later: { to: "failed", waitMs: KONBINI_REFUND_WINDOW_MS } };
  const behaviour = asRefundBehaviour(session.cardRefundBehaviour);
  if (behaviour === "pending_then_succeeded")
    return { status: "pending", later: { to: "succeeded", waitMs: REFUND_SETTLE_DELAY_MS } };
  if (behaviour === "succeeded_then_failed")
    return { status: "succeeded", later: { to: "failed", waitMs: REFUND_SETTLE_DELAY_MS } };
  return { status: "succeeded" };
}

const settleJob = (tx: Prisma.TransactionClient, refund: LocalRefund, to: RefundStatus, waitMs: number) =>
  addJob(
    tx,
    "settle-local-refund",
    { refundId: refund.id, from: refund.status as RefundStatus, to },
    { runAt: afterSandboxWait(waitMs), jobKey: `local-refund:${refund.id}` },
  );

// Refuses what Stripe refuses for good: an unpaid payment, or more than is left of it. The
// payment's row is locked first, so concurrent callers with one key (a webhook, the success page,
// the retry job) take turns: the first makes the refund, the others find it by the key rather
// than count it against what is left and refuse.
export async function refundLocalPayment({
  paymentIntentId,
  amount,
  idempotencyKey,
}: RefundInput): Promise<RefundSnapshot | RefundRefusal> {
  assertLocalCheckoutAllowed();
  return db.$transaction(async (tx): Promise<RefundSnapshot | RefundRefusal> => {
    await tx.$queryRaw`SELECT id FROM local_checkout_sessions WHERE "paymentIntentId" = ${paymentIntentId} FOR UPDATE`;
    const existing = await tx.localRefund.findUnique({ where: { idempotencyKey } });
    if (existing) return snapshot(existing);
    const session = await tx.localCheckoutSession.findUnique({
      where: { paymentIntentId },
      include: { refunds: { where: { status: { notIn: ["failed", "canceled"] } } } },
    });
    if (!session || session.paymentStatus !== "paid")
      return { status: "refused", reason: `No such paid payment: ${paymentIntentId}` };
    const left = session.amountTotal - session.refunds.reduce((sum, refund) => sum + refund.amount, 0);
    if (amount <= 0 || amount > left)
      return {
        status: "refused",
        reason: `Refund amount ${amount} is not within the ${left} left of ${paymentIntentId}`,
      };

    const { status, later } = plan(session);
    const id = stripeStyleId("re");
    const created = await tx.localRefund.create({
      data: {
        id,
        sessionId: session.id,
        idempotencyKey,
        amount,
        currency: session.currency,
        status,
        bankDetailsTokenHash: status === "requires_action" ? hashToken(bankDetailsToken(id)) : undefined,
      },
    });
    if (later) await settleJob(tx, created, later.to, later.waitMs);
    return snapshot(created);
  });
}

// A refund's status moves on (a job, or the buyer's bank account), once, from the status it
// was expected to have, and the shop hears of it as Stripe tells it: charge.refund.updated.
export async function moveLocalRefund(
  refundId: string,
  from: RefundStatus,
  to: RefundStatus,
  origin: string,
  data: Omit<Prisma.LocalRefundUpdateManyMutationInput, "status"> = {},
  after?: (tx: Prisma.TransactionClient, refund: LocalRefund) => Promise<void>,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.localRefund.updateMany({
      where: { id: refundId, status: from },
      data: { ...data, status: to },
    });
    if (count === 0) return false;
    const refund = await tx.localRefund.findUniqueOrThrow({ where: { id: refundId }, include: { session: true } });
    await announceLocalEvent(tx, refund.sessionId, refundEvent(refund, refund.session), origin);
    await after?.(tx, refund);
    return true;
  });
}

export type BankDetailsPage =
  | { status: "requires_action"; amount: number; currency: string }
  | { status: "answered" | "failed" }
  | { status: "unknown" };

export async function refundForBankDetails(token: string): Promise<BankDetailsPage & { refundId?: string }> {
  assertLocalCheckoutAllowed();
  const refund = await db.localRefund.findUnique({ where: { bankDetailsTokenHash: hashToken(token) } });
  if (!refund) return { status: "unknown" };
  if (refund.status === "requires_action")
    return { status: "requires_action", amount: refund.amount, currency: refund.currency, refundId: refund.id };
  return { status: refund.status === "failed" || refund.status === "canceled" ? "failed" : "answered" };
}

export type BankAccountAnswer = { status: "accepted" | "account_refused" | "closed" };

// The buyer's bank account for a Konbini refund: Stripe's failing test accounts fail the refund
// at once; any other is paid, the refund going pending and then succeeded.
export async function giveRefundBankAccount(
  token: string,
  account: BankAccount,
  origin: string,
): Promise<BankAccountAnswer> {
  const page = await refundForBankDetails(token);
  if (page.status !== "requires_action" || !page.refundId) return { status: "closed" };
  const refused = (FAILING_TEST_ACCOUNTS as readonly string[]).includes(account.accountNumber);
  const moved = refused
    ? await moveLocalRefund(page.refundId, "requires_action", "failed", origin, {
        failureReason: "declined",
        bankAccountLast4: account.accountNumber.slice(-4),
      })
    : await moveLocalRefund(
        page.refundId,
        "requires_action",
        "pending",
        origin,
        { bankAccountLast4: account.accountNumber.slice(-4) },
        (tx, refund) => settleJob(tx, refund, "succeeded", REFUND_SETTLE_DELAY_MS),
      );
  if (!moved) return { status: "closed" };
  return { status: refused ? "account_refused" : "accepted" };
}

// The job a refund's own test behaviour scheduled: a Konbini refund unanswered for its whole
// window fails as expired; a card refund settles, or is returned by the bank.
export function settleLocalRefund(refundId: string, from: RefundStatus, to: RefundStatus, origin: string) {
  const failureReason = to !== "failed" ? undefined : from === "requires_action" ? "expired" : "declined";
  return moveLocalRefund(refundId, from, to, origin, failureReason ? { failureReason } : {});
}
