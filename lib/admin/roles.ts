import "server-only";
import type { Role } from "@prisma/client";
import { db } from "../db/client";
import { type AuditActor, recordAudit } from "./audit";

export type RoleChange = { status: "changed"; from: Role } | { status: "unchanged" } | { status: "not_found" };

// A new role takes effect on the account's next request: every session check reads it. Taking
// a staff role away also forgets the second factors its sessions passed, so being made staff
// again later asks for the second factor anew.
export async function changeRole(actor: AuditActor, email: string, role: Role): Promise<RoleChange> {
  return db.$transaction(async (tx) => {
    const account = await tx.user.findUnique({ where: { email }, select: { id: true, role: true } });
    if (!account) return { status: "not_found" };
    if (account.role === role) return { status: "unchanged" };
    await tx.user.update({ where: { id: account.id }, data: { role } });
    if (role === "CUSTOMER") await tx.staffSessionFactor.deleteMany({ where: { userId: account.id } });
    await recordAudit(tx, actor, {
      action: "user.role",
      targetType: "user",
      targetId: account.id,
      before: { role: account.role },
      after: { role },
    });
    return { status: "changed", from: account.role };
  });
}
