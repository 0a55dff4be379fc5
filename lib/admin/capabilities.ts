import type { Role } from "@prisma/client";

export type StaffRole = Exclude<Role, "CUSTOMER">;

// What each staff role may do in the operator console. Support answers customers (reads
// everything, resends emails, suspends and resumes eSIMs, refunds up to a limit); admins run the
// shop (promotions, the catalog, accounts and roles, the audit log) and do everything support does.
const CAPABILITIES = {
  view: ["SUPPORT", "ADMIN"],
  resendEmail: ["SUPPORT", "ADMIN"],
  suspendEsim: ["SUPPORT", "ADMIN"],
  refund: ["SUPPORT", "ADMIN"],
  annotate: ["SUPPORT", "ADMIN"],
  disputes: ["SUPPORT", "ADMIN"],
  revokeEsim: ["ADMIN"],
  manageAccounts: ["ADMIN"],
  promotions: ["ADMIN"],
  catalog: ["ADMIN"],
  roles: ["ADMIN"],
  auditLog: ["ADMIN"],
} as const satisfies Record<string, readonly StaffRole[]>;

export type Capability = keyof typeof CAPABILITIES;

export const CAPABILITY_NAMES = Object.keys(CAPABILITIES) as Capability[];

export function isStaffRole(role: Role): role is StaffRole {
  return role !== "CUSTOMER";
}

export function can(role: Role, capability: Capability): boolean {
  return (CAPABILITIES[capability] as readonly Role[]).includes(role);
}
