"use server";

import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { type ActionReply, staffAction } from "@/app/_lib/form-action";
import { resendActivationForStaff, resumeEsim, revokeEsim, suspendEsim } from "@/lib/admin/esims";
import {
  staffEsimSchema,
  staffResendActivationSchema,
  staffRevokeSchema,
  staffSuspendSchema,
} from "@/lib/validation/admin-accounts";
import type { FormState } from "@/lib/validation/form-state";

// Resend, suspend and resume are support's (and admins'); revoking is for admins only. Anyone
// else gets a 404 and nothing changes (app/_lib/form-action.ts).

export type ResendActivationState = FormState<"email", "revoked" | "deleted" | "rate_limited"> & { sentTo?: string };

export const resendActivationAction = staffAction(
  {
    capability: "resendEmail",
    name: "esim.resend_activation",
    schema: staffResendActivationSchema,
    echo: ["email"],
    identifiers: ["esimId"],
  },
  async ({ esimId, email }, { staff, locale }): Promise<ActionReply<ResendActivationState>> => {
    const result = await resendActivationForStaff(staff, esimId, email);
    if (result.status === "not_found") notFound();
    if (result.status === "rate_limited") return result;
    if (result.status !== "sent") return { formError: result.status };
    revalidatePath(`/${locale}/admin/esims/${esimId}`);
    return { values: {}, sentTo: result.to };
  },
);

export type EsimChangeState = FormState<
  "reason" | "confirm",
  "already_suspended" | "not_suspended" | "already_revoked" | "deleted"
> & { done?: "suspended" | "resumed" | "revoked" };

async function answer(
  result: Awaited<ReturnType<typeof suspendEsim>>,
  esimId: string,
  locale: string,
): Promise<ActionReply<EsimChangeState>> {
  if (result.status === "not_found") notFound();
  if (result.status === "suspended" || result.status === "resumed" || result.status === "revoked") {
    revalidatePath(`/${locale}/admin/esims/${esimId}`);
    return { values: {}, done: result.status };
  }
  return { formError: result.status };
}

export const suspendEsimAction = staffAction(
  {
    capability: "suspendEsim",
    name: "esim.suspend",
    schema: staffSuspendSchema,
    echo: ["reason"],
    identifiers: ["esimId"],
  },
  async ({ esimId, reason }, { staff, locale }) => answer(await suspendEsim(staff, esimId, reason), esimId, locale),
);

export const resumeEsimAction = staffAction(
  { capability: "suspendEsim", name: "esim.resume", schema: staffEsimSchema, identifiers: ["esimId"] },
  async ({ esimId }, { staff, locale }) => answer(await resumeEsim(staff, esimId), esimId, locale),
);

export const revokeEsimAction = staffAction(
  { capability: "revokeEsim", name: "esim.revoke", schema: staffRevokeSchema, identifiers: ["esimId"] },
  async ({ esimId }, { staff, locale }) => answer(await revokeEsim(staff, esimId), esimId, locale),
);
