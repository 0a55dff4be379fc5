import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { recordAudit } from "./audit";

// The audit log is append-only for the app's own database role (prisma/migrations/
// 20261203130000_staff_console: a trigger refuses UPDATE, DELETE and TRUNCATE). These run on the
// app's own connection, so they are refused exactly as the app itself would be.

async function anEntry() {
  const targetId = `immutable-${Date.now()}-${Math.random()}`;
  await recordAudit(
    db,
    { id: null, email: "auditor@example.test", role: "ADMIN", ip: "10.0.0.9" },
    { action: "order.refund", targetType: "order", targetId, before: { status: "FULFILLED" }, after: { amount: 500 } },
  );
  return db.auditEntry.findFirstOrThrow({ where: { targetId } });
}

const REFUSED = /audit_log is append-only/;

describe("an audit entry", () => {
  it("is guarded on the app's own connection: its role, in a session that runs triggers", async () => {
    const [session] = await db.$queryRaw<{ role: string; replication: string }[]>`
      SELECT current_user::text AS role, current_setting('session_replication_role') AS replication`;
    // The role DATABASE_URL names, the app's; a replica session would skip ordinary triggers.
    expect(session).toEqual({ role: new URL(process.env.DATABASE_URL ?? "").username, replication: "origin" });
  });

  it("cannot be updated, by SQL or through the client, and stays as it was", async () => {
    const entry = await anEntry();
    await expect(db.$executeRaw`UPDATE audit_log SET action = 'forged' WHERE id = ${entry.id}`).rejects.toThrow(
      REFUSED,
    );
    await expect(
      db.auditEntry.update({ where: { id: entry.id }, data: { actorEmail: "x@example.test" } }),
    ).rejects.toThrow(REFUSED);
    await expect(db.auditEntry.updateMany({ data: { ip: "0.0.0.0" } })).rejects.toThrow(REFUSED);
    expect(await db.auditEntry.findUniqueOrThrow({ where: { id: entry.id } })).toEqual(entry);
  });

  it("cannot be deleted, one or all, and stays as it was", async () => {
    const entry = await anEntry();
    const count = await db.auditEntry.count();
    await expect(db.$executeRaw`DELETE FROM audit_log WHERE id = ${entry.id}`).rejects.toThrow(REFUSED);
    await expect(db.auditEntry.delete({ where: { id: entry.id } })).rejects.toThrow(REFUSED);
    await expect(db.auditEntry.deleteMany({})).rejects.toThrow(REFUSED);
    expect(await db.auditEntry.findUniqueOrThrow({ where: { id: entry.id } })).toEqual(entry);
    expect(await db.auditEntry.count()).toBe(count);
  });

  it("cannot be truncated away, and stays as it was", async () => {
    const entry = await anEntry();
    const count = await db.auditEntry.count();
    await expect(db.$executeRawUnsafe("TRUNCATE audit_log")).rejects.toThrow(REFUSED);
    await expect(db.$executeRawUnsafe("TRUNCATE audit_log RESTART IDENTITY CASCADE")).rejects.toThrow(REFUSED);
    expect(await db.auditEntry.findUniqueOrThrow({ where: { id: entry.id } })).toEqual(entry);
    expect(await db.auditEntry.count()).toBe(count);
  });
});
