import "server-only";
import type { CarrierCode, TopUpPack } from "@prisma/client";
import { MB } from "../balance/rules";
import { type CatalogPlan, planBySlug, plansPage } from "../catalog/plans";
import { db } from "../db/client";
import { jstIso } from "../time/jst";
import { isValidPlanSlug } from "../validation/catalog";
import { afterCursor, type Page, pageBody, rowsToTake } from "./pagination";
import { topUpObject } from "./topup-object";

const bytesOf = (mb: number | null) => (mb === null ? null : Number(BigInt(mb) * MB));

// A plan as partners list it (Airalo's packages): what it gives, its price and sale now, and
// the top-up packs an eSIM of it can take later (its carrier's).
function planObject(plan: CatalogPlan, packs: TopUpPack[]) {
  return {
    id: plan.slug,
    carrier: plan.carrierCode,
    carrier_name: plan.carrier.name,
    kind: plan.kind === "UNLIMITED" ? "unlimited" : "data_pack",
    data_bytes: bytesOf(plan.dataMb),
    days: plan.days,
    voice_seconds: plan.voiceMinutes * 60,
    fair_use_daily_bytes: bytesOf(plan.fairUseDailyMb),
    throttled_kbps: plan.throttledKbps,
    price: { amount: plan.priceAmount, currency: plan.currency },
    sale:
      plan.saleAmount < plan.priceAmount
        ? { amount: plan.saleAmount, ends_at: plan.saleEndsAt ? jstIso(plan.saleEndsAt) : null }
        : null,
    buy_one_get_one: plan.buyOneGetOne,
    topups: packs.filter((pack) => pack.carrierCode === plan.carrierCode).map(topUpObject),
  };
}

export type PlanObject = ReturnType<typeof planObject>;

function activePacks(carriers: CarrierCode[]) {
  return db.topUpPack.findMany({
    where: { carrierCode: { in: carriers }, active: true },
    orderBy: { sortOrder: "asc" },
  });
}

export async function apiPlansPage(page: Page) {
  const plans = await plansPage({ where: afterCursor(page), take: rowsToTake(page) });
  const packs = await activePacks([...new Set(plans.map((plan) => plan.carrierCode))]);
  return pageBody(plans, page, (plan) => planObject(plan, packs));
}

// Only a plan on sale now; one that is not (or never was) is not found.
export async function apiPlan(slug: string): Promise<PlanObject | null> {
  const plan = isValidPlanSlug(slug) ? await planBySlug(slug) : null;
  return plan ? planObject(plan, await activePacks([plan.carrierCode])) : null;
}
