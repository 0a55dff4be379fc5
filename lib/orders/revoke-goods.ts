import "server-only";
import type { Order, Prisma } from "@prisma/client";
import { lapseRemainingBalance } from "../balance/expiry";
import { nextState } from "../esim/lifecycle";
import { lockEsim } from "../esim/row-lock";

// What an order refunded in full stops giving: its eSIMs are revoked (they cannot be turned on
// again) and what was left on them lapses; a top-up's pack lapses and the eSIM keeps the rest.
// Each lapse is an EXPIRY entry appended to the ledger, naming the order, never a changed one.
export async function revokeOrderGoods(
  tx: Prisma.TransactionClient,
  order: Pick<Order, "id" | "kind" | "esimId">,
  at: Date,
): Promise<void> {
  const cause = { reason: "order refunded", source: order.id };
  if (order.kind === "TOPUP") {
    if (!order.esimId) return;
    const pack = await tx.dataPackage.findUnique({
      where: { orderId_esimId: { orderId: order.id, esimId: order.esimId } },
      select: { id: true },
    });
    if (!pack || !(await lockEsim(tx, order.esimId))) return;
    await lapseRemainingBalance(tx, order.esimId, at, { ...cause, packageIds: [pack.id] });
    return;
  }
  const esims = await tx.esimProfile.findMany({
    where: { orderId: order.id },
    orderBy: { sequence: "asc" },
    select: { id: true },
  });
  for (const { id } of esims) {
    const esim = await lockEsim(tx, id);
    if (!esim) continue;
    const to = nextState(esim.state, "revoke");
    if (to) {
      await tx.esimProfile.update({ where: { id }, data: { state: to } });
      await tx.esimEvent.create({ data: { esimId: id, fromState: esim.state, toState: to, source: "refund" } });
    }
    await lapseRemainingBalance(tx, id, at, cause);
  }
}
