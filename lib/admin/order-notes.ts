import "server-only";
import { db } from "../db/client";
import type { OrderNoteInput } from "../validation/admin-orders";
import { recordAudit } from "./audit";
import type { StaffMember } from "./guard";

export type OrderNoteResult = { status: "added"; noteId: string } | { status: "not_found" };

export async function addOrderNote(staff: StaffMember, { orderId, body }: OrderNoteInput): Promise<OrderNoteResult> {
  return db.$transaction(async (tx) => {
    const order = await tx.order.findUnique({ where: { id: orderId }, select: { id: true } });
    if (!order) return { status: "not_found" as const };
    const note = await tx.orderNote.create({ data: { orderId, authorId: staff.id, body } });
    await recordAudit(tx, staff, {
      action: "order.note",
      targetType: "order",
      targetId: orderId,
      after: { note: note.id, body },
    });
    return { status: "added" as const, noteId: note.id };
  });
}
