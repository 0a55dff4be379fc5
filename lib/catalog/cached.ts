import "server-only";
import { unstable_cache } from "next/cache";
import type { PlanFilters } from "../validation/catalog";
import { CATALOG_TAG } from "./cache-tag";
import { type CatalogPlan, listPlans, planBySlug } from "./plans";

// The catalog as its pages show it, kept in Next's data cache under the catalog tag: a console change
// to a plan or a promotion expires it at once (updateTag), and a sale window that opens or
// closes on its own shows within the minute. Checkout never reads from here: it prices every
// order afresh.
const CATALOG_SECONDS = 60;

type Cached = Omit<CatalogPlan, "saleEndsAt" | "saleStartsAt"> & {
  saleEndsAt: Date | string | null;
  saleStartsAt: Date | string | null;
};

// The data cache keeps JSON, so instants come back as strings.
function revived(plan: Cached): CatalogPlan {
  return {
    ...plan,
    saleEndsAt: plan.saleEndsAt === null ? null : new Date(plan.saleEndsAt),
    saleStartsAt: plan.saleStartsAt === null ? null : new Date(plan.saleStartsAt),
  };
}

const cachedList = unstable_cache((filters: PlanFilters) => listPlans(filters), ["catalog-plans"], {
  tags: [CATALOG_TAG],
  revalidate: CATALOG_SECONDS,
});

const cachedPlan = unstable_cache((slug: string) => planBySlug(slug), ["catalog-plan"], {
  tags: [CATALOG_TAG],
  revalidate: CATALOG_SECONDS,
});

export async function shownPlans(filters: PlanFilters): Promise<CatalogPlan[]> {
  return ((await cachedList(filters)) as Cached[]).map(revived);
}

export async function shownPlan(slug: string): Promise<CatalogPlan | null> {
  const plan = (await cachedPlan(slug)) as Cached | null;
  return plan && revived(plan);
}
