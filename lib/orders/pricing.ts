// Computes what an order costs. Pure: the caller loads the plan and promotions, so the
// rules can be tested without a database. Prices are always computed here, on the server.
import type { CarrierCode, PromotionKind } from "@prisma/client";

export const MAX_QUANTITY = 4;

// Stripe's minimum charge per currency; a code discount never takes a total below it.
const MINIMUM_CHARGE: Record<string, number> = { JPY: 50 };

export type PricedPlan = {
  id: string;
  carrierCode: CarrierCode;
  priceAmount: number;
  currency: string;
  // The plan's own sale: this price between the two instants.
  salePriceAmount?: number | null;
  saleStartsAt?: Date | null;
  saleEndsAt?: Date | null;
};

export type PromotionRule = {
  id: string;
  slug: string;
  kind: PromotionKind;
  code: string | null;
  percentOff: number | null;
  amountOff: number | null;
  currency: string | null;
  // Empty: not limited to particular plans.
  planIds: string[];
  carrierCode: CarrierCode | null;
  startsAt: Date;
  endsAt: Date;
  maxRedemptions: number | null;
  redemptionCount: number;
  active: boolean;
};

export type Discount = { slug: string; kind: PromotionKind; amount: number; code?: string };

export type Quote = {
  currency: string;
  quantity: number;
  listUnitAmount: number;
  unitAmount: number;
  subtotalAmount: number;
  discounts: Discount[];
  discountAmount: number;
  totalAmount: number;
  codePromotionId: string | null;
};

export const CODE_PROBLEMS = [
  "code_unknown",
  "code_not_started",
  "code_expired",
  "code_used_up",
  "code_already_used",
  "code_in_use",
  "code_not_applicable",
] as const;
export type CodeProblem = (typeof CODE_PROBLEMS)[number];

export type QuoteInput = {
  plan: PricedPlan;
  quantity: number;
  automaticPromotions: PromotionRule[];
  // The promotion the entered code names (null when the code matches none), or undefined
  // when no code was entered.
  codePromotion?: PromotionRule | null;
  codeAlreadyUsedByUser?: boolean;
  // The buyer has another order with the code that may still be paid.
  codeInUseByUser?: boolean;
  now: Date;
};

export type QuoteResult = { status: "priced"; quote: Quote } | { status: CodeProblem };

export function isRunning(promotion: PromotionRule, now: Date): boolean {
  return promotion.active && promotion.startsAt <= now && now < promotion.endsAt;
}

export function appliesTo(promotion: PromotionRule, plan: PricedPlan): boolean {
  if (promotion.planIds.length > 0 && !promotion.planIds.includes(plan.id)) return false;
  if (promotion.carrierCode && promotion.carrierCode !== plan.carrierCode) return false;
  return !promotion.currency || promotion.currency === plan.currency;
}

function reduction(promotion: PromotionRule, amount: number): number {
  if (promotion.percentOff) return Math.round((amount * promotion.percentOff) / 100);
  return Math.min(promotion.amountOff ?? 0, amount);
}

type Sale = { slug: string; endsAt: Date };

// The slug an order's discount lines give the plan's own sale.
export const PLAN_SALE_SLUG = "plan-sale";

function planSale(plan: PricedPlan, now: Date): { sale: Sale; cut: number } | null {
  const { salePriceAmount, saleStartsAt, saleEndsAt } = plan;
  if (salePriceAmount == null || !saleStartsAt || !saleEndsAt) return null;
  if (now < saleStartsAt || now >= saleEndsAt || salePriceAmount >= plan.priceAmount) return null;
  return { sale: { slug: PLAN_SALE_SLUG, endsAt: saleEndsAt }, cut: plan.priceAmount - salePriceAmount };
}

// The unit price after the best running sale (the plan's own or a sale promotion), for
// showing sale prices in the catalog too.
export function saleUnitPrice(plan: PricedPlan, promotions: PromotionRule[], now: Date) {
  const own = planSale(plan, now);
  let best: Sale | null = own?.sale ?? null;
  let bestCut = own?.cut ?? 0;
  for (const promotion of promotions) {
    if (promotion.kind !== "SALE" || !isRunning(promotion, now) || !appliesTo(promotion, plan)) continue;
    const cut = reduction(promotion, plan.priceAmount);
    if (cut > bestCut) [best, bestCut] = [promotion, cut];
  }
  return { unitAmount: plan.priceAmount - bestCut, sale: best };
}

export function buyOneGetOne(plan: PricedPlan, promotions: PromotionRule[], now: Date): PromotionRule | null {
  return promotions.find((p) => p.kind === "BUY_ONE_GET_ONE" && isRunning(p, now) && appliesTo(p, plan)) ?? null;
}

function codeProblem(input: QuoteInput): CodeProblem | null {
  const { codePromotion: promotion, plan, now } = input;
  if (!promotion || promotion.kind !== "CODE" || !promotion.active) return "code_unknown";
  if (now < promotion.startsAt) return "code_not_started";
  if (now >= promotion.endsAt) return "code_expired";
  if (promotion.maxRedemptions !== null && promotion.redemptionCount >= promotion.maxRedemptions) {
    return "code_used_up";
  }
  if (input.codeAlreadyUsedByUser) return "code_already_used";
  if (input.codeInUseByUser) return "code_in_use";
  if (!appliesTo(promotion, plan)) return "code_not_applicable";
  return null;
}

export function quoteOrder(input: QuoteInput): QuoteResult {
  const { plan, quantity, automaticPromotions, now } = input;
  const discounts: Discount[] = [];
  const subtotalAmount = plan.priceAmount * quantity;

  const { unitAmount, sale } = saleUnitPrice(plan, automaticPromotions, now);
  if (sale) discounts.push({ slug: sale.slug, kind: "SALE", amount: (plan.priceAmount - unitAmount) * quantity });

  const bogo = buyOneGetOne(plan, automaticPromotions, now);
  const freeUnits = bogo ? Math.floor(quantity / 2) : 0;
  if (bogo && freeUnits > 0) discounts.push({ slug: bogo.slug, kind: bogo.kind, amount: freeUnits * unitAmount });

  let codePromotionId: string | null = null;
  if (input.codePromotion !== undefined) {
    const problem = codeProblem(input);
    if (problem) return { status: problem };
    const promotion = input.codePromotion!;
    const remaining = subtotalAmount - discounts.reduce((sum, d) => sum + d.amount, 0);
    const floor = MINIMUM_CHARGE[plan.currency] ?? 0;
    const amount = Math.max(0, Math.min(reduction(promotion, remaining), remaining - floor));
    discounts.push({ slug: promotion.slug, kind: promotion.kind, amount, code: promotion.code ?? undefined });
    codePromotionId = promotion.id;
  }

  const discountAmount = discounts.reduce((sum, d) => sum + d.amount, 0);
  return {
    status: "priced",
    quote: {
      currency: plan.currency,
      quantity,
      listUnitAmount: plan.priceAmount,
      unitAmount,
      subtotalAmount,
      discounts,
      discountAmount,
      totalAmount: subtotalAmount - discountAmount,
      codePromotionId,
    },
  };
}
