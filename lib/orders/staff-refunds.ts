import "server-only";
import type { Order, OrderRefund, Prisma, Role } from "@prisma/client";
import { type AuditActor, recordAudit } from "../admin/audit";
import { db } from "../db/client";
import { env } from "../env";
import { log } from "../log";
import type { RefundRefusal, RefundSnapshot } from "../payments/gateway";
import { paymentGateway } from "../payments/provider";
import type { StaffRefundInput } from "../validation/staff-refunds";
import { enqueueRefundNotice } from "./order-emails";
import { ACCEPTED_REFUND_STATUSES, followRefunds, isDelivered, lockOrder, refundableAmount } from "./order-refunds";
import { gatewayRefundReason, type StaffRefundReason } from "./staff-refund-reasons";

// A refund staff give from the console: all or part of what is left of a delivered order,
// through the payment gateway, with a reason, a note, and the buyer told if staff choose so.

// Who is asking, as the console's staff roles say (User.role, lowercased as it is stored on the
// refund): support is capped, an admin is not.
export type RefundActorRole = Lowercase<Exclude<Role, "CUSTOMER">>;

// `audit`: the console's caller, whose audit entry is written with the refund's outcome.
export type StaffRefundRequest = StaffRefundInput & { actorId: string; actorRole: RefundActorRole; audit?: AuditActor };

export type StaffRefundResult =
  // Given back (refunded), or accepted and on its way (pending: a refund test card, or a
  // Konbini payment waiting for the buyer's bank account).
  | { status: "refunded" | "pending"; orderRefundId: string; refundId: string; remaining: number }
  // Refused, nothing changed:
  | { status: "not_found" }
  // Never paid (pending, expired).
  | { status: "not_paid" }
  // Not delivered: a paid order that could not be delivered is refunded in full by itself.
  | { status: "not_refundable" }
  // Being delivered this moment, or this key's refund is being asked of the gateway right now.
  | { status: "in_progress" }
  | { status: "exceeds_remaining"; remaining: number }
  // Support's refunds of one order, together, may not pass the limit.
  | { status: "over_limit"; limit: number }
  // A chargeback is open: the bank holds the money, and Stripe refuses a refund of it.
  | { status: "disputed" }
  // The key was used for another refund (another order or amount).
  | { status: "key_reused" }
  // The gateway refused it for good.
  | { status: "refund_failed"; orderRefundId: string }
  // The gateway did not answer: nothing is held; the same key asks again safely.
  | { status: "gateway_error" };

type Claim = { status: "claimed"; refund: OrderRefund; order: Order } | StaffRefundResult;

// A chargeback that is still open (an inquiry moves no money and leaves the charge refundable).
const OPEN_CHARGEBACK = ["needs_response", "under_review"];

const gatewayKey = (orderRefundId: string) => `order-refund-${orderRefundId}`;

// The answer a key already gave, when it is asked again.
function replay(refund: OrderRefund, remaining: number): StaffRefundResult {
  if (refund.status === "requesting") return { status: "in_progress" };
  if (refund.status === "failed" || refund.status === "canceled")
    return { status: "refund_failed", orderRefundId: refund.id };
  return {
    status: refund.status === "succeeded" ? "refunded" : "pending",
    orderRefundId: refund.id,
    refundId: refund.refundId ?? "",
    remaining,
  };
}

// Under the order's lock: checks the request against what is left (and support's limit), and
// holds the amount as a `requesting` refund, so a concurrent request sees it as taken.
async function claim(tx: Prisma.TransactionClient, request: StaffRefundRequest): Promise<Claim> {
  const order = await lockOrder(tx, request.orderId);
  if (!order) return { status: "not_found" };
  const existing = await tx.orderRefund.findUnique({ where: { idempotencyKey: request.idempotencyKey } });
  if (existing && (existing.orderId !== order.id || existing.amount !== request.amount))
    return { status: "key_reused" };
  if (existing && existing.status !== "error") return replay(existing, await refundableAmount(tx, order));

  if (order.status === "PENDING" || order.status === "EXPIRED" || !order.paymentIntentId) return { status: "not_paid" };
  if (order.status === "PAID") return { status: "in_progress" };
  if (!isDelivered(order.status)) return { status: "not_refundable" };
  const chargeback = await tx.dispute.findFirst({ where: { orderId: order.id, status: { in: OPEN_CHARGEBACK } } });
  if (chargeback) return { status: "disputed" };
  const remaining = await refundableAmount(tx, order);
  if (request.amount > remaining) return { status: "exceeds_remaining", remaining };
  if (request.actorRole === "support") {
    const limit = env().SUPPORT_REFUND_LIMIT_JPY;
    const { _sum } = await tx.orderRefund.aggregate({
      where: { orderId: order.id, actorRole: "support", status: { in: ["requesting", ...ACCEPTED_REFUND_STATUSES] } },
      _sum: { amount: true },
    });
    if ((_sum.amount ?? 0) + request.amount > limit) return { status: "over_limit", limit };
  }

  const held = { status: "requesting", actorId: request.actorId, actorRole: request.actorRole };
  const refund = existing
    ? await tx.orderRefund.update({ where: { id: existing.id }, data: held })
    : await tx.orderRefund.create({
        data: {
          ...held,
          orderId: order.id,
          source: "staff",
          idempotencyKey: request.idempotencyKey,
          amount: request.amount,
          currency: order.currency,
          reason: request.reason,
          note: request.note || null,
          notifyCustomer: request.notifyCustomer,
        },
      });
  return { status: "claimed", refund, order };
}

// The gateway's answer, under the order's lock again: the refund takes its id and status, the
// order follows, and the buyer is told if staff chose so.
async function record(
  refund: OrderRefund,
  answer: RefundSnapshot | RefundRefusal,
  audit?: AuditActor,
): Promise<StaffRefundResult> {
  const refused = answer.status === "refused" || answer.status === "failed" || answer.status === "canceled";
  return db.$transaction(async (tx) => {
    const order = (await lockOrder(tx, refund.orderId))!;
    await tx.orderRefund.update({
      where: { id: refund.id },
      data: { refundId: answer.status === "refused" ? null : answer.id, status: refused ? "failed" : answer.status },
    });
    if (audit)
      await recordAudit(tx, audit, {
        action: "order.refund",
        targetType: "order",
        targetId: order.id,
        before: {
          status: order.status,
          remaining: (await refundableAmount(tx, order)) + (refused ? 0 : refund.amount),
        },
        after: {
          amount: refund.amount,
          reason: refund.reason,
          note: refund.note,
          notifyCustomer: refund.notifyCustomer,
          refund: refund.id,
          gatewayStatus: answer.status,
          ...(answer.status === "refused" && { gatewayReason: answer.reason }),
        },
      });
    if (refused) return { status: "refund_failed", orderRefundId: refund.id };
    const at = new Date();
    await followRefunds(tx, order, at);
    if (refund.notifyCustomer)
      await enqueueRefundNotice(tx, order.id, refund.reason as StaffRefundReason, {
        state: answer.status === "canceled" ? "failed" : answer.status,
        at,
        actionUrl: answer.actionUrl,
        amount: refund.amount,
      });
    return {
      status: answer.status === "succeeded" ? "refunded" : "pending",
      orderRefundId: refund.id,
      refundId: answer.id,
      remaining: await refundableAmount(tx, order),
    };
  });
}

// Refuses with a status (and changes nothing) what may not be given back. The same key is the
// same refund: asked again, it answers as it did, or, after a gateway error, asks again.
export async function refundOrderByStaff(request: StaffRefundRequest): Promise<StaffRefundResult> {
  const claimed = await db.$transaction((tx) => claim(tx, request));
  if (claimed.status !== "claimed") return claimed;
  const { refund, order } = claimed;

  let answer: RefundSnapshot | RefundRefusal;
  try {
    answer = await paymentGateway().refundPayment({
      orderId: order.id,
      paymentIntentId: order.paymentIntentId!,
      amount: refund.amount,
      reason: gatewayRefundReason(refund.reason as StaffRefundReason),
      idempotencyKey: gatewayKey(refund.id),
      instructionsEmail: order.paymentMethod === "konbini" ? await buyerEmail(order.userId) : undefined,
    });
  } catch (error) {
    // Released, so it no longer holds the amount. Had the gateway refunded after all, its
    // charge.refunded event records it; asked again with this key, the gateway gives it back.
    await db.orderRefund.updateMany({ where: { id: refund.id, status: "requesting" }, data: { status: "error" } });
    log.error({ err: error, orderId: order.id, orderRefundId: refund.id }, "staff refund: the gateway did not answer");
    return { status: "gateway_error" };
  }
  const result = await record(refund, answer, request.audit);
  log.info(
    {
      orderId: order.id,
      orderRefundId: refund.id,
      actorId: request.actorId,
      amount: refund.amount,
      status: result.status,
    },
    "staff refund",
  );
  return result;
}

async function buyerEmail(userId: string): Promise<string> {
  return (await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } })).email;
}
