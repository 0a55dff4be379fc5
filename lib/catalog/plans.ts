import "server-only";
import type { CarrierCode, PlanKind, Prisma } from "@prisma/client";
import { db } from "../db/client";
import { buyOneGetOne, saleUnitPrice } from "../orders/pricing";
import { runningAutomaticPromotions } from "../orders/promotions";
import type { PlanFilters } from "../validation/catalog";

const CARRIER_BY_FILTER: Record<NonNullable<PlanFilters["carrier"]>, CarrierCode> = {
  docomo: "DOCOMO",
  au: "KDDI_AU",
  softbank: "SOFTBANK",
};
// The catalog filter that shows a carrier's plans, for links from elsewhere.
export const FILTER_FOR_CARRIER = Object.fromEntries(
  Object.entries(CARRIER_BY_FILTER).map(([filter, carrier]) => [carrier, filter]),
) as Record<CarrierCode, NonNullable<PlanFilters["carrier"]>>;

const KIND_BY_FILTER: Record<NonNullable<PlanFilters["kind"]>, PlanKind> = {
  data: "DATA_PACK",
  unlimited: "UNLIMITED",
};
const DAYS_BY_FILTER: Record<NonNullable<PlanFilters["duration"]>, Prisma.IntFilter> = {
  week: { lte: 7 },
  month: { gt: 7, lte: 30 },
  long: { gt: 30 },
};

const planSelect = {
  id: true,
  slug: true,
  kind: true,
  dataMb: true,
  days: true,
  voiceMinutes: true,
  fairUseDailyMb: true,
  throttledKbps: true,
  priceAmount: true,
  salePriceAmount: true,
  saleStartsAt: true,
  saleEndsAt: true,
  currency: true,
  carrierCode: true,
  carrier: { select: { name: true, networkName: true, plmn: true } },
} satisfies Prisma.PlanSelect;

type PlanRow = Prisma.PlanGetPayload<{ select: typeof planSelect }>;

export type CatalogPlan = PlanRow & {
  // After the best running sale; equal to priceAmount when none runs.
  saleAmount: number;
  saleEndsAt: Date | null;
  buyOneGetOne: boolean;
};

export function onSaleWhere(now: Date): Prisma.PlanWhereInput {
  return {
    active: true,
    AND: [
      { OR: [{ availableFrom: null }, { availableFrom: { lte: now } }] },
      { OR: [{ availableUntil: null }, { availableUntil: { gt: now } }] },
    ],
  };
}

async function withPromotions<Row extends PlanRow>(plans: Row[], now: Date): Promise<(Row & CatalogPlan)[]> {
  const promotions = await runningAutomaticPromotions(now);
  return plans.map((plan) => {
    const { unitAmount, sale } = saleUnitPrice(plan, promotions, now);
    return {
      ...plan,
      saleAmount: unitAmount,
      saleEndsAt: sale?.endsAt ?? null,
      buyOneGetOne: buyOneGetOne(plan, promotions, now) !== null,
    };
  });
}

export async function listPlans(filters: PlanFilters, now = new Date()): Promise<CatalogPlan[]> {
  const plans = await db.plan.findMany({
    where: {
      ...onSaleWhere(now),
      carrierCode: filters.carrier ? CARRIER_BY_FILTER[filters.carrier] : undefined,
      kind: filters.kind ? KIND_BY_FILTER[filters.kind] : undefined,
      days: filters.duration ? DAYS_BY_FILTER[filters.duration] : undefined,
    },
    orderBy: [{ carrier: { sortOrder: "asc" } }, { sortOrder: "asc" }],
    select: planSelect,
  });
  return withPromotions(plans, now);
}

export async function planBySlug(slug: string, now = new Date()): Promise<CatalogPlan | null> {
  const plan = await db.plan.findFirst({ where: { slug, ...onSaleWhere(now) }, select: planSelect });
  if (!plan) return null;
  const [priced] = await withPromotions([plan], now);
  return priced ?? null;
}

// The API's catalog, paged: every plan on sale in an order that stays put while a partner
// pages through it (newest first), whatever the shop's own catalog order does.
export async function plansPage(
  { where, take }: { where: Prisma.PlanWhereInput; take: number },
  now = new Date(),
): Promise<(CatalogPlan & { createdAt: Date })[]> {
  const plans = await db.plan.findMany({
    where: { ...where, ...onSaleWhere(now) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { ...planSelect, createdAt: true },
  });
  return withPromotions(plans, now);
}
