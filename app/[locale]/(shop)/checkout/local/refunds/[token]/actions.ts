"use server";

import { type ActionReply, publicAction } from "@/app/_lib/form-action";
import { giveRefundBankAccount } from "@/lib/payments/local-refunds";
import { localWebhookOrigin } from "@/lib/payments/local-session";
import type { FormState } from "@/lib/validation/form-state";
import { bankAccountSchema } from "@/lib/validation/local-payments";

type BankField = "bankCode" | "branchCode" | "accountType" | "accountNumber" | "holderName";
export type BankAccountState = FormState<BankField, "closed"> & { answered?: "accepted" | "account_refused" };

// Anyone holding the emailed link may answer, as with Stripe's own refund email: the link is the
// secret (its token is stored only as a hash). The account number is never stored whole.
export const giveBankAccount = publicAction(
  {
    schema: bankAccountSchema,
    echo: ["bankCode", "branchCode", "accountType", "holderName"],
    identifiers: ["token"],
  },
  async ({ token, ...account }): Promise<ActionReply<BankAccountState>> => {
    const answer = await giveRefundBankAccount(token, account, localWebhookOrigin());
    if (answer.status === "closed") return { formError: "closed" };
    return { answered: answer.status };
  },
);
