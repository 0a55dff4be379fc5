import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "../db/client";
import type { PromotionRule } from "./pricing";
import { IN_PROGRESS } from "./status";

const withPlans = { plans: { select: { planId: true } } } satisfies Prisma.PromotionInclude;

type PromotionWithPlans = Prisma.PromotionGetPayload<{ include: typeof withPlans }>;

function ruleOf({ plans, ...promotion }: PromotionWithPlans): PromotionRule {
  return { ...promotion, planIds: plans.map((plan) => plan.planId) };
}

export async function runningAutomaticPromotions(now: Date): Promise<PromotionRule[]> {
  const promotions = await db.promotion.findMany({
    where: { kind: { in: ["SALE", "BUY_ONE_GET_ONE"] }, active: true, startsAt: { lte: now }, endsAt: { gt: now } },
    include: withPlans,
  });
  return promotions.map(ruleOf);
}

// Codes are matched without regard to case: people type them as they remember them.
export function normalisePromoCode(code: string): string {
  return code.trim().toUpperCase();
}

export async function findCodePromotion(code: string): Promise<PromotionRule | null> {
  const promotion = await db.promotion.findUnique({ where: { code: normalisePromoCode(code) }, include: withPlans });
  return promotion && ruleOf(promotion);
}

// What this buyer has already done with the code: redeemed it with a fulfilled order, or holds
// it with an order still waiting for its payment (or being delivered). Either way a new
// checkout may not take it too. Read under the promotion's row lock when a checkout opens.
export type CodeUse = "redeemed" | "in_progress" | null;

export async function codeUseOf(
  client: Prisma.TransactionClient,
  promotionId: string,
  userId: string,
): Promise<CodeUse> {
  const redemption = await client.promotionRedemption.findUnique({
    where: { promotionId_userId: { promotionId, userId } },
    select: { id: true },
  });
  if (redemption) return "redeemed";
  const held = await client.order.findFirst({
    where: { promotionId, userId, status: { in: [...IN_PROGRESS] } },
    select: { id: true },
  });
  return held ? "in_progress" : null;
}

// A paid order whose code it may not have after all: refused at fulfilment and refunded.
export class CodeRefused extends Error {
  constructor(readonly reason: "already_redeemed" | "used_up") {
    super(`promo code refused: ${reason}`);
  }
}

// Inside the fulfilment transaction. The checkout already held the code's place, so this
// refuses only what got past that: two orders of one buyer paid (an old checkout, or one
// created outside the lock), or a limit exceeded. Both are decided by the database, not by a
// read before a write: the unique index on (promotion, user) lets one redemption in, and the
// count moves only while it is below the limit, on the promotion's row lock.
export async function redeemCode(
  tx: Prisma.TransactionClient,
  order: { id: string; userId: string; promotionId: string },
): Promise<void> {
  const recorded = await tx.promotionRedemption.createMany({
    data: [{ promotionId: order.promotionId, userId: order.userId, orderId: order.id }],
    skipDuplicates: true,
  });
  if (recorded.count === 0) throw new CodeRefused("already_redeemed");
  const counted = await tx.promotion.updateMany({
    where: {
      id: order.promotionId,
      OR: [{ maxRedemptions: null }, { redemptionCount: { lt: tx.promotion.fields.maxRedemptions } }],
    },
    data: { redemptionCount: { increment: 1 } },
  });
  if (counted.count === 0) throw new CodeRefused("used_up");
}
