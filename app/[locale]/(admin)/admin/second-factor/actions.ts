"use server";

import { type ActionReply, secondFactorAction } from "@/app/_lib/form-action";
import { confirmEnrolment, verifySecondFactor } from "@/lib/admin/second-factor";
import { redirect } from "@/lib/i18n/navigation";
import { enrolmentSchema, secondFactorSchema } from "@/lib/validation/second-factor";
import type { FormState } from "@/lib/validation/form-state";

export type SecondFactorState = FormState<"code", "wrong_code" | "rate_limited"> & { recoveryCodes?: string[] };

// A signed-in staff member only (anyone else: 404). Wrong codes are rate-limited per account and
// written to the audit log (lib/admin/second-factor.ts).
export const confirmAuthenticator = secondFactorAction(
  { schema: enrolmentSchema },
  async ({ code }, { staff, locale }): Promise<ActionReply<SecondFactorState>> => {
    const result = await confirmEnrolment({ userId: staff.id, sessionId: staff.sessionId }, staff, code);
    if (result.status === "confirmed") return { recoveryCodes: result.recoveryCodes };
    if (result.status === "already_enrolled") return redirect({ href: "/admin/second-factor", locale });
    return result.status === "wrong_code" ? { formError: "wrong_code" } : result;
  },
);

export const passSecondFactor = secondFactorAction(
  { schema: secondFactorSchema },
  async ({ code, next }, { staff, locale }): Promise<ActionReply<SecondFactorState>> => {
    const result = await verifySecondFactor({ userId: staff.id, sessionId: staff.sessionId }, staff, code);
    if (result.status === "verified") return redirect({ href: next ?? "/admin", locale });
    if (result.status === "not_enrolled") return redirect({ href: "/admin/second-factor", locale });
    return result.status === "wrong_code" ? { formError: "wrong_code" } : result;
  },
);
