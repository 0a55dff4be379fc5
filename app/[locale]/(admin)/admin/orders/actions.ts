"use server";

import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { type ActionReply, staffAction } from "@/app/_lib/form-action";
import { submitEvidenceFromConsole } from "@/lib/admin/dispute-evidence";
import { addOrderNote } from "@/lib/admin/order-notes";
import { refundFromConsole } from "@/lib/admin/order-refunds";
import { orderReference } from "@/lib/orders/order-emails";
import { orderNoteSchema } from "@/lib/validation/admin-orders";
import type { FormState } from "@/lib/validation/form-state";
import { disputeEvidenceSchema, staffRefundSchema } from "@/lib/validation/staff-refunds";

// The order page's forms. Notes: staff who may annotate; refunds: staff who may refund
// (support up to its limit, checked by the refund itself); evidence: staff who may answer
// disputes. Anyone else gets a 404 and nothing changes.

function orderChanged(locale: string, orderId: string) {
  revalidatePath(`/${locale}/admin/orders/${orderReference(orderId)}`);
}

export type OrderNoteState = FormState<"body"> & { added?: boolean };

export const addOrderNoteAction = staffAction(
  { capability: "annotate", name: "order.note", schema: orderNoteSchema, echo: ["body"], identifiers: ["orderId"] },
  async (input, { staff, locale }): Promise<ActionReply<OrderNoteState>> => {
    const result = await addOrderNote(staff, input);
    if (result.status === "not_found") notFound();
    orderChanged(locale, input.orderId);
    return { values: {}, added: true };
  },
);

type RefundRefusal =
  | "not_paid"
  | "not_refundable"
  | "in_progress"
  | "exceeds_remaining"
  | "over_limit"
  | "disputed"
  | "key_reused"
  | "refund_failed"
  | "gateway_error";

export type RefundState = FormState<"amount" | "reason" | "note" | "notifyCustomer", RefundRefusal> & {
  // The amounts a refusal or a success names.
  remaining?: number;
  limit?: number;
  refunded?: "refunded" | "pending";
};

export const refundOrderAction = staffAction(
  {
    capability: "refund",
    name: "order.refund",
    schema: staffRefundSchema,
    echo: ["amount", "reason", "note", "notifyCustomer"],
    identifiers: ["orderId", "idempotencyKey"],
  },
  async (input, { staff, locale }): Promise<ActionReply<RefundState>> => {
    const result = await refundFromConsole(staff, input);
    switch (result.status) {
      case "not_found":
        notFound();
      case "refunded":
      case "pending":
        orderChanged(locale, input.orderId);
        return { values: {}, refunded: result.status, remaining: result.remaining };
      case "exceeds_remaining":
        return { formError: result.status, remaining: result.remaining };
      case "over_limit":
        return { formError: result.status, limit: result.limit };
      default:
        return { formError: result.status };
    }
  },
);

export type EvidenceState = FormState<"text", "closed" | "already_submitted" | "gateway_error"> & {
  submitted?: string;
};

export const submitEvidenceAction = staffAction(
  {
    capability: "disputes",
    name: "dispute.evidence",
    schema: disputeEvidenceSchema,
    echo: ["text"],
    identifiers: ["disputeId"],
  },
  async (input, { staff, locale }): Promise<ActionReply<EvidenceState>> => {
    const result = await submitEvidenceFromConsole(staff, input);
    if (result.status === "not_found") notFound();
    if (result.orderId) orderChanged(locale, result.orderId);
    if (result.status === "submitted") return { values: {}, submitted: result.disputeStatus };
    return { formError: result.status };
  },
);
