import "server-only";
import { db } from "../db/client";

// The in-app side of balance alerts: the alert rows themselves, newest first.
export function recentNotices(userId: string, take = 10) {
  return db.balanceAlert.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, kind: true, createdAt: true, esim: { select: { id: true, iccid: true } } },
  });
}
