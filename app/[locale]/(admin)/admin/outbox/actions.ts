"use server";

import { notFound } from "next/navigation";
import { type ActionReply, staffAction } from "@/app/_lib/form-action";
import { retryEmail } from "@/lib/admin/outbox";
import { redirect } from "@/lib/i18n/navigation";
import { outboxFiltersSchema, retryEmailSchema } from "@/lib/validation/admin-ops";
import type { FormState } from "@/lib/validation/form-state";

// Support and admins (capability "resendEmail"): anyone else gets a 404 and nothing changes.
// A plain form of the server-rendered list: the answer is the list again, with a notice, and
// the filter and page it was posted from.
export const retryEmailAction = staffAction(
  {
    capability: "resendEmail",
    name: "email.retry",
    schema: retryEmailSchema.extend(outboxFiltersSchema.partial().shape),
    identifiers: ["emailId"],
  },
  async ({ emailId, status, page }, { staff, locale }): Promise<ActionReply<FormState<never>>> => {
    const result = await retryEmail(staff, emailId);
    if (result.status === "not_found") notFound();
    const query = { notice: result.status, ...(status ? { status } : {}), ...(page && page > 1 ? { page } : {}) };
    return redirect({ href: { pathname: "/admin/outbox", query }, locale });
  },
);
