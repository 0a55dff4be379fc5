import "server-only";
import type { Prisma, Role } from "@prisma/client";
import { db } from "../db/client";

export type AuditActor = { id: string | null; email: string; role: Role; ip: string };

export type AuditRecord = {
  // "<record>.<verb>", e.g. "esim.suspend", "order.refund", "second_factor.failed"
  action: string;
  targetType: string;
  targetId?: string | null;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
};

// Written in the transaction of the change it describes, so an action and its entry land or
// fail together; a refused attempt is written on its own.
export async function recordAudit(
  tx: Prisma.TransactionClient,
  actor: AuditActor,
  { action, targetType, targetId = null, before, after }: AuditRecord,
): Promise<void> {
  await tx.auditEntry.create({
    data: {
      actorId: actor.id,
      actorEmail: actor.email,
      actorRole: actor.role,
      action,
      targetType,
      targetId,
      before,
      after,
      ip: actor.ip.slice(0, 64),
    },
  });
}

export function recordRefusal(actor: AuditActor, record: AuditRecord): Promise<void> {
  return recordAudit(db, actor, record);
}
