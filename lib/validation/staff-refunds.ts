import { STAFF_REFUND_REASONS } from "../orders/staff-refund-reasons";
import { z } from "./zod";

// The console's refund form. The amount is integer minor units (yen); what is left to refund
// and support's limit are checked by lib/orders/staff-refunds.ts under the order's lock.
export const staffRefundSchema = z.object({
  orderId: z.string().min(1).max(100),
  amount: z.coerce
    .number({ error: "amount_invalid" })
    .int({ error: "amount_invalid" })
    .min(1, { error: "amount_invalid" })
    .max(100_000_000, { error: "amount_invalid" }),
  reason: z.enum(STAFF_REFUND_REASONS, { error: "reason_invalid" }),
  note: z.string().trim().max(1000, { error: "note_too_long" }).default(""),
  // A checkbox: present when ticked.
  notifyCustomer: z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean()),
  // Made when the form is shown, so a double submit or a retry is the same refund.
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{16,200}$/, { error: "key_invalid" }),
});

export type StaffRefundInput = z.infer<typeof staffRefundSchema>;

// The console's dispute evidence form.
export const disputeEvidenceSchema = z.object({
  disputeId: z.string().regex(/^dp_[A-Za-z0-9_]{6,250}$/),
  text: z.string().trim().min(1, { error: "evidence_empty" }).max(20_000, { error: "evidence_too_long" }),
});

export type DisputeEvidenceForm = z.infer<typeof disputeEvidenceSchema>;
