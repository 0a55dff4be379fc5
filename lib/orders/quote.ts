import "server-only";
import type { CatalogPlan } from "../catalog/plans";
import { db } from "../db/client";
import { codeUseOf, findCodePromotion, runningAutomaticPromotions } from "./promotions";
import { type QuoteResult, quoteOrder } from "./pricing";

// Prices a plan for one buyer with everything that applies right now.
export async function quoteForBuyer(
  plan: CatalogPlan,
  quantity: number,
  promoCode: string | undefined,
  userId: string,
  now = new Date(),
): Promise<QuoteResult> {
  const [automaticPromotions, codePromotion] = await Promise.all([
    runningAutomaticPromotions(now),
    promoCode ? findCodePromotion(promoCode) : Promise.resolve(undefined),
  ]);
  const codeUse = codePromotion ? await codeUseOf(db, codePromotion.id, userId) : null;
  return quoteOrder({
    plan,
    quantity,
    automaticPromotions,
    codePromotion,
    codeAlreadyUsedByUser: codeUse === "redeemed",
    codeInUseByUser: codeUse === "in_progress",
    now,
  });
}
