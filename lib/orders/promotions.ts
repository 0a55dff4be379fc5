import "server-only";
import { db } from "../db/client";
import type { PromotionRule } from "./pricing";

export async function runningAutomaticPromotions(now: Date): Promise<PromotionRule[]> {
  return db.promotion.findMany({
    where: { kind: { in: ["SALE", "BUY_ONE_GET_ONE"] }, active: true, startsAt: { lte: now }, endsAt: { gt: now } },
  });
}

// Codes are matched without regard to case: people type them as they remember them.
export function normalisePromoCode(code: string): string {
  return code.trim().toUpperCase();
}

export async function findCodePromotion(code: string): Promise<PromotionRule | null> {
  return db.promotion.findUnique({ where: { code: normalisePromoCode(code) } });
}

export async function hasRedeemed(promotionId: string, userId: string): Promise<boolean> {
  const redemption = await db.promotionRedemption.findUnique({
    where: { promotionId_userId: { promotionId, userId } },
    select: { id: true },
  });
  return redemption !== null;
}
