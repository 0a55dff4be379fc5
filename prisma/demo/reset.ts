import type { Prisma } from "@prisma/client";

// Everything the account has done — orders and their payments, eSIMs with their history,
// ledger, usage and alerts, and the emails about them — so that its history can be written
// anew. The account itself (its password, settings and API tokens) stays as it is.
export async function deleteHistory(tx: Prisma.TransactionClient, userId: string) {
  const esims = {
    esimId: { in: (await tx.esimProfile.findMany({ where: { userId }, select: { id: true } })).map((e) => e.id) },
  };
  const orders = { order: { userId } };

  // A code the account redeemed is free again for it, and counts once less against its limit.
  const redemptions = await tx.promotionRedemption.groupBy({ by: ["promotionId"], where: { userId }, _count: true });
  for (const { promotionId, _count } of redemptions)
    await tx.promotion.update({ where: { id: promotionId }, data: { redemptionCount: { decrement: _count } } });
  await tx.promotionRedemption.deleteMany({ where: { userId } });

  await tx.balanceAlert.deleteMany({ where: esims });
  await tx.ledgerEntry.deleteMany({ where: esims });
  await tx.usageRecord.deleteMany({ where: esims });
  await tx.dataPackage.deleteMany({ where: esims });
  await tx.esimEvent.deleteMany({ where: esims });
  await tx.localWebhookAttempt.deleteMany({ where: { event: { session: orders } } });
  await tx.localWebhookEvent.deleteMany({ where: { session: orders } });
  await tx.localRefund.deleteMany({ where: { session: orders } });
  await tx.localDispute.deleteMany({ where: { session: orders } });
  await tx.localPaymentAttempt.deleteMany({ where: { session: orders } });
  await tx.orderNote.deleteMany({ where: orders });
  await tx.orderRefund.deleteMany({ where: orders });
  await tx.dispute.deleteMany({ where: orders });
  await tx.localCheckoutSession.deleteMany({ where: orders });
  // Top-ups name their eSIM, and eSIMs their order: top-ups first, then eSIMs, then the rest.
  await tx.order.deleteMany({ where: { userId, esimId: { not: null } } });
  await tx.esimProfile.deleteMany({ where: { userId } });
  await tx.order.deleteMany({ where: { userId } });
  await tx.outboxEmail.deleteMany({ where: { userId } });
}
