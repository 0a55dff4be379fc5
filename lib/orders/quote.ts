import "server-only";
import type { CatalogPlan } from "../catalog/plans";
import { findCodePromotion, hasRedeemed, runningAutomaticPromotions } from "./promotions";
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
  const codeAlreadyUsedByUser = codePromotion ? await hasRedeemed(codePromotion.id, userId) : false;
  return quoteOrder({ plan, quantity, automaticPromotions, codePromotion, codeAlreadyUsedByUser, now });
}
