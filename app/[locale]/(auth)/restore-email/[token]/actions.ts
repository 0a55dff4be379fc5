"use server";

import { redirect } from "next/navigation";
import { type ActionReply, publicAction } from "@/app/_lib/form-action";
import { restoreEmail } from "@/lib/accounts/email-restore";
import { restoreEmailSchema } from "@/lib/validation/auth";
import type { FormState } from "@/lib/validation/form-state";

// Whoever holds the link sent to the old address puts it back (the link is the proof).
export const putEmailBack = publicAction(
  { schema: restoreEmailSchema, identifiers: ["token"] },
  async ({ token }, { locale }): Promise<ActionReply<FormState<never>>> => {
    const result = await restoreEmail(token);
    if (result.status === "restored") redirect(`/${locale}/reset-password/${result.resetToken}?restored=1`);
    // Back to the link's page, which explains an unusable link or a taken address.
    const problem = result.status === "email_in_use" ? "?problem=email_in_use" : "";
    redirect(`/${locale}/restore-email/${encodeURIComponent(token)}${problem}`);
  },
);
