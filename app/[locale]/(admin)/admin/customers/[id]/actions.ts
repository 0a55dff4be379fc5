"use server";

import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { type ActionReply, staffAction } from "@/app/_lib/form-action";
import {
  changeCustomerRole,
  correctCustomerEmail,
  endCustomerSessions,
  lockCustomer,
  revokeCustomerTokens,
  unlockCustomer,
} from "@/lib/admin/customers";
import {
  staffCorrectEmailSchema,
  staffCustomerSchema,
  staffRevokeTokensSchema,
  staffRoleSchema,
} from "@/lib/validation/admin-accounts";
import type { FormState } from "@/lib/validation/form-state";

// Admins only (capability "manageAccounts", roles with "roles"): anyone else gets a 404 and
// nothing changes (app/_lib/form-action.ts).

export type CustomerChangeState = FormState<
  "email" | "role",
  "no_tokens" | "token_not_active" | "already_locked" | "not_locked" | "self" | "unchanged" | "self_demotion"
> & { done?: "ended" | "revoked" | "locked" | "unlocked" | "corrected" | "changed" };

const DONE = ["ended", "revoked", "locked", "unlocked", "corrected", "changed"] as const;
type Done = (typeof DONE)[number];

function answer({ status }: { status: string }, userId: string, locale: string): ActionReply<CustomerChangeState> {
  if (status === "not_found") notFound();
  if (status === "email_in_use") return { fieldErrors: { email: ["email_in_use"] } };
  if ((DONE as readonly string[]).includes(status)) {
    revalidatePath(`/${locale}/admin/customers/${userId}`);
    return { values: {}, done: status as Done };
  }
  return { formError: status as CustomerChangeState["formError"] };
}

const customerAction = (name: string) =>
  ({ capability: "manageAccounts", name, schema: staffCustomerSchema, identifiers: ["userId"] }) as const;

export const endSessionsAction = staffAction(
  customerAction("user.end_sessions"),
  async ({ userId }, { staff, locale }) => answer(await endCustomerSessions(staff, userId), userId, locale),
);

export const revokeTokensAction = staffAction(
  { ...customerAction("user.revoke_tokens"), schema: staffRevokeTokensSchema, identifiers: ["userId", "tokenId"] },
  async ({ userId, tokenId }, { staff, locale }) =>
    answer(await revokeCustomerTokens(staff, userId, tokenId), userId, locale),
);

export const lockAction = staffAction(customerAction("user.lock"), async ({ userId }, { staff, locale }) =>
  answer(await lockCustomer(staff, userId), userId, locale),
);

export const unlockAction = staffAction(customerAction("user.unlock"), async ({ userId }, { staff, locale }) =>
  answer(await unlockCustomer(staff, userId), userId, locale),
);

export const correctEmailAction = staffAction(
  { ...customerAction("user.correct_email"), schema: staffCorrectEmailSchema, echo: ["email"] },
  async ({ userId, email }, { staff, locale }) =>
    answer(await correctCustomerEmail(staff, userId, email), userId, locale),
);

export const changeRoleAction = staffAction(
  { ...customerAction("user.role"), capability: "roles", schema: staffRoleSchema, echo: ["role"] },
  async ({ userId, role }, { staff, locale }) => answer(await changeCustomerRole(staff, userId, role), userId, locale),
);
