import "server-only";
import { randomInt } from "node:crypto";
import type { LocalCheckoutSession, Prisma } from "@prisma/client";
import { db } from "../db/client";
import { env } from "../env";
import { addJob } from "../jobs/queue";
import { afterSandboxWait } from "../time/sandbox";
import type { KonbiniDetails } from "../validation/local-payments";
import {
  KONBINI_PAYMENT_BUFFER_MS,
  KONBINI_STORES,
  KONBINI_TEST_DELAY_MS,
  konbiniDeadline,
  type KonbiniOutcome,
  type KonbiniStore,
  konbiniTestOutcome,
  type KonbiniVoucher,
} from "./konbini";
import { announceLocalEvent } from "./local-event-delivery";
import { checkoutEvent } from "./local-events";
import { completeSession, offers, openSession, type PaymentAttempt } from "./local-session";

// Konbini in the local checkout, as Stripe runs it: the session completes unpaid with a voucher,
// and the voucher's fate (by Stripe's test values) is a job on the queue, so a delayed payment
// or expiry still happens after a restart.

// Stripe refuses these confirmation numbers: all zeros is invalid (the form already refuses
// it) and this one is rejected as not unique enough.
const REJECTED_CONFIRMATION_NUMBER = "01234567890";

export type VoucherIssued = PaymentAttempt | { status: "confirmation_number_rejected" };

const randomDigits = (length: number) => Array.from({ length }, () => randomInt(10)).join("");

function newVoucher(session: LocalCheckoutSession, confirmationNumber: string | undefined, now: Date): KonbiniVoucher {
  return {
    confirmationNumber: confirmationNumber ?? randomDigits(11),
    paymentCodes: Object.fromEntries(KONBINI_STORES.map((store) => [store, randomDigits(12)])) as Record<
      KonbiniStore,
      string
    >,
    amount: session.amountTotal,
    currency: session.currency,
    expiresAt: konbiniDeadline(now, env().KONBINI_EXPIRES_AFTER_DAYS).toISOString(),
  };
}

// When the voucher is settled, by its test outcome: paid or expired at once, after Stripe's
// three minutes, or (never paid) once the deadline and its buffer have passed.
function settlement(outcome: KonbiniOutcome, voucher: KonbiniVoucher, now: Date) {
  const wait = (ms: number) => afterSandboxWait(ms, now);
  switch (outcome) {
    case "paid_immediately":
      return { result: "paid" as const, runAt: now };
    case "expires_immediately":
      return { result: "expired" as const, runAt: now };
    case "paid_after_delay":
      return { result: "paid" as const, runAt: wait(KONBINI_TEST_DELAY_MS) };
    case "expires_after_delay":
      return { result: "expired" as const, runAt: wait(KONBINI_TEST_DELAY_MS) };
    case "never_paid":
      return {
        result: "expired" as const,
        runAt: wait(Date.parse(voucher.expiresAt) + KONBINI_PAYMENT_BUFFER_MS - now.getTime()),
      };
  }
}

const jobKey = (sessionId: string) => `konbini-voucher:${sessionId}`;

export async function issueKonbiniVoucher(
  sessionId: string,
  details: KonbiniDetails,
  origin: string,
): Promise<VoucherIssued> {
  const session = await openSession(sessionId);
  if (!session) return { status: "closed" };
  if (!offers(session, "konbini")) return { status: "not_offered" };
  if (details.phone === REJECTED_CONFIRMATION_NUMBER) return { status: "confirmation_number_rejected" };
  const now = new Date();
  const voucher = newVoucher(session, details.phone, now);
  const { result, runAt } = settlement(konbiniTestOutcome(details.email, details.phone), voucher, now);
  return completeSession(
    session,
    origin,
    {
      paymentMethod: "konbini",
      paymentStatus: "unpaid",
      konbiniVoucher: voucher,
      // What Stripe keeps as the payment's billing details; the voucher is addressed to them.
      paymentDetails: { name: details.name, email: details.email },
    },
    (tx) => addJob(tx, "settle-konbini-voucher", { sessionId, result }, { runAt, jobKey: jobKey(sessionId) }),
  );
}

// The store is the buyer's choice in life; here it follows from the voucher, so it stays the
// same however often it is asked.
function storePaidAt(voucher: KonbiniVoucher): KonbiniStore {
  const sum = [...voucher.confirmationNumber].reduce((total, digit) => total + Number(digit), 0);
  return KONBINI_STORES[sum % KONBINI_STORES.length]!;
}

export type VoucherSettled = { status: "paid" | "expired" | "settled_before" | "completion_undelivered" };

// Paid at a store, or past its deadline. Conditional on the voucher still waiting, so a
// replayed job changes nothing and the two outcomes can never both happen. As with Stripe,
// the shop hears of the voucher (checkout.session.completed) before its outcome: while that
// event is still being delivered, the outcome waits (the job is tried again).
export async function settleKonbiniVoucher(
  sessionId: string,
  result: "paid" | "expired",
  origin: string,
): Promise<VoucherSettled> {
  return db.$transaction(async (tx: Prisma.TransactionClient) => {
    const session = await tx.localCheckoutSession.findUnique({ where: { id: sessionId } });
    const voucher = session?.konbiniVoucher as KonbiniVoucher | null | undefined;
    if (!session || !voucher) return { status: "settled_before" as const };
    const completion = await tx.localWebhookEvent.findFirst({
      where: { sessionId, type: "checkout.session.completed" },
      select: { deliveredAt: true, gaveUpAt: true },
    });
    if (completion && !completion.deliveredAt && !completion.gaveUpAt)
      return { status: "completion_undelivered" as const };
    const details = (session.paymentDetails ?? {}) as Record<string, unknown>;
    const { count } = await tx.localCheckoutSession.updateMany({
      where: { id: sessionId, paymentMethod: "konbini", paymentStatus: "unpaid", status: "COMPLETE" },
      data:
        result === "paid"
          ? { paymentStatus: "paid", paymentDetails: { ...details, store: storePaidAt(voucher) } }
          : // Stripe's session stays complete and unpaid; "failed" marks it as settled here.
            { paymentStatus: "failed" },
    });
    if (count === 0) return { status: "settled_before" as const };
    const updated = await tx.localCheckoutSession.findUniqueOrThrow({ where: { id: sessionId } });
    const type =
      result === "paid" ? "checkout.session.async_payment_succeeded" : "checkout.session.async_payment_failed";
    await announceLocalEvent(tx, sessionId, checkoutEvent(type, updated), origin);
    return { status: result } as VoucherSettled;
  });
}
