import "server-only";
import type { AuditEntry, Prisma } from "@prisma/client";
import { db } from "../db/client";
import { jstDayRange } from "../time/jst";
import type { AuditLogFilters } from "../validation/admin-ops";
import { type Page, PAGE_SIZE, pageOf, skipFor } from "./pagination";

// The audit log, newest first. An actor is found by any part of their email; an action by its
// start, so "order." finds every order action; a target by its exact id; days are Japan days.
export async function listAuditEntries(filters: AuditLogFilters): Promise<Page<AuditEntry>> {
  const { actor, action, target, from, to, page } = filters;
  const createdAt = jstDayRange({ from, to });
  const where: Prisma.AuditEntryWhereInput = {
    ...(actor ? { actorEmail: { contains: actor, mode: "insensitive" } } : {}),
    ...(action ? { action: { startsWith: action } } : {}),
    ...(target ? { targetId: target } : {}),
    ...(createdAt.gte || createdAt.lt ? { createdAt } : {}),
  };
  const [rows, total] = await Promise.all([
    db.auditEntry.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: skipFor(page),
      take: PAGE_SIZE,
    }),
    db.auditEntry.count({ where }),
  ]);
  return pageOf(rows, total, page);
}

export type FieldChange = { field: string; before: string | null; after: string | null; changed: boolean };

const shown = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

// Before and after side by side, field by field, when both are objects (or one is missing), so
// a reader sees what changed; anything else is shown whole.
export function auditChanges(entry: Pick<AuditEntry, "before" | "after">): FieldChange[] | null {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  if (!isRecord(before) || !isRecord(after)) return null;
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields.map((field) => {
    const was = shown(before[field]);
    const now = shown(after[field]);
    return { field, before: was, after: now, changed: was !== now };
  });
}
