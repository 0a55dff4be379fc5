import "server-only";
import { getLocale } from "next-intl/server";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { accountById } from "../auth/account";
import { auth } from "../auth/auth";
import { clientIp } from "../auth/client-ip";
import { DatabaseUnavailableError } from "../db/errors";
import type { AuditActor } from "./audit";
import { recordRefusal } from "./audit";
import { type Capability, can, isStaffRole, type StaffRole } from "./capabilities";

export type StaffMember = AuditActor & { id: string; name: string; role: StaffRole; sessionId: string };

type SignedIn = { staff: StaffMember | null; secondFactor: boolean; actor: AuditActor | null };

// Who is asking, read once per request. The role and second factor come from the session check,
// which reads them from the database each time (lib/auth/auth.ts).
const signedIn = cache(async (): Promise<SignedIn> => {
  const session = await auth();
  if (session?.unavailable) throw new DatabaseUnavailableError();
  const account = session?.user?.id ? await accountById(session.user.id) : null;
  if (!session || !account) return { staff: null, secondFactor: false, actor: null };
  const ip = clientIp(await headers());
  const actor: AuditActor = { id: account.id, email: account.email, role: account.role, ip };
  if (!isStaffRole(account.role) || !session.sessionId) return { staff: null, secondFactor: false, actor };
  const staff = { ...actor, id: account.id, name: account.name, role: account.role, sessionId: session.sessionId };
  return { staff, secondFactor: session.user.secondFactor, actor };
});

// A staff member who has signed in but may not have passed the second factor yet: for the
// second-factor pages only. Anyone else is told the console does not exist.
export async function requireStaffSignIn(): Promise<StaffMember> {
  const { staff } = await signedIn();
  return staff ?? notFound();
}

// For every console page: a customer or a visitor gets the same 404 as a page that does not
// exist, and so does a staff member whose role lacks the capability; a staff member without the
// second factor is sent to pass it first, and back afterwards.
export async function requireStaff(capability: Capability, returnTo: string): Promise<StaffMember> {
  const { staff, secondFactor } = await signedIn();
  if (!staff || !can(staff.role, capability)) notFound();
  if (!secondFactor) {
    const locale = await getLocale();
    redirect(`/${locale}/admin/second-factor?${new URLSearchParams({ next: returnTo })}`);
  }
  return staff;
}

// For every console action: the same checks, but nothing to redirect to, so a missing second
// factor is a 404 as well. A signed-in caller who is refused is written to the audit log.
export async function requireStaffForAction(capability: Capability, action: string): Promise<StaffMember> {
  const { staff, secondFactor, actor } = await signedIn();
  if (staff && secondFactor && can(staff.role, capability)) return staff;
  if (actor) {
    await recordRefusal(actor, {
      action: "access.denied",
      targetType: "action",
      targetId: action,
      after: { capability, secondFactor },
    });
  }
  notFound();
}
