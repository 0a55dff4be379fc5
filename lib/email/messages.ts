import type { AlertKind } from "@prisma/client";
import type { PlanForEmail as PlanFields } from "@/emails/i18n";
import type { Discount } from "../orders/pricing";
import type { PaymentMethodUsed, RefundStatus } from "../payments/gateway";
import type { KonbiniVoucher } from "../payments/konbini";
import type { RefundReason } from "../orders/refund-reasons";
import type { StaffRefundReason } from "../orders/staff-refund-reasons";

// What each kind of email needs, as stored in the outbox. Links are built when the email is
// rendered, from APP_URL and the token; tokens are removed from the row once it is sent or given up.
export type EmailPayloads = {
  "verify-email": { name: string; token: string };
  "password-reset": { name: string; token: string };
  "password-changed": { name: string; changedAt: string };
  "email-changed": { name: string; newEmail: string; changedAt: string; token: string };
  "order-receipt": {
    name: string;
    reference: string;
    // An eSIM purchase names its plan; a top-up its pack and the eSIM it was for.
    plan?: PlanFields;
    topUp?: PlanFields & { iccid: string };
    quantity: number;
    subtotalAmount: number;
    discounts: Discount[];
    totalAmount: number;
    currency: string;
    paidAt: string;
    paymentMethod?: PaymentMethodUsed;
  };
  "konbini-voucher": {
    name: string;
    reference: string;
    plan?: PlanFields;
    topUp?: PlanFields & { iccid: string };
    voucher: KonbiniVoucher;
  };
  "order-refund": {
    name: string;
    reference: string;
    plan?: PlanFields;
    topUp?: PlanFields & { iccid: string };
    // Why: the order could not be delivered, or (a staff refund) the console's reason.
    reason: RefundReason | StaffRefundReason;
    // Where the refund stands: paid out, on its way, waiting for the buyer's bank account
    // (with the link to give it, removed once sent), or failed. Older rows are "succeeded".
    state?: Exclude<RefundStatus, "canceled">;
    actionUrl?: string;
    amount: number;
    // A staff refund's notice: what was paid, so a partial refund says it is part of it.
    paidAmount?: number;
    currency: string;
    refundedAt: string;
  };
  "balance-alert": { name: string; kind: AlertKind; plan: PlanFields; iccid: string; esimId: string };
  "webhook-endpoint-disabled": { name: string; url: string; reason: "gone" | "failing"; disabledAt: string };
  "esim-activation": {
    name: string;
    plan: PlanFields;
    iccid: string;
    smdpAddress: string;
    matchingId: string;
    activationCode: string;
    token: string;
  };
};

export type EmailTemplate = keyof EmailPayloads;

export type OutgoingEmail = {
  [T in EmailTemplate]: { template: T; payload: EmailPayloads[T] };
}[EmailTemplate] & { userId?: string; to: string; locale: string };
