import { z } from "./zod";

export const CARRIER_FILTERS = ["docomo", "au", "softbank"] as const;
export const KIND_FILTERS = ["data", "unlimited"] as const;
// Trip lengths the catalog groups plans by: up to a week, up to a month, longer.
export const DURATION_FILTERS = ["week", "month", "long"] as const;

// Unknown filter values are dropped rather than refused: a stale bookmark still shows plans.
export const planFiltersSchema = z.object({
  carrier: z.enum(CARRIER_FILTERS).optional().catch(undefined),
  kind: z.enum(KIND_FILTERS).optional().catch(undefined),
  duration: z.enum(DURATION_FILTERS).optional().catch(undefined),
});

export type PlanFilters = z.infer<typeof planFiltersSchema>;

export const planSlugSchema = z.string().regex(/^[a-z0-9-]{1,80}$/);

// Filters as the path segments of the cached catalog pages, "all" standing for no filter.
const ALL = "all";
export function filterSegments(filters: PlanFilters): Record<keyof PlanFilters, string> {
  return { carrier: filters.carrier ?? ALL, kind: filters.kind ?? ALL, duration: filters.duration ?? ALL };
}

const segment = <const Values extends readonly [string, ...string[]]>(values: Values) =>
  z.union([z.enum(values), z.literal(ALL).transform(() => undefined)]);

// Unlike the query string, a path with an unknown value is not a page (404).
export const planFilterSegmentsSchema = z.object({
  carrier: segment(CARRIER_FILTERS),
  kind: segment(KIND_FILTERS),
  duration: segment(DURATION_FILTERS),
});

export const isValidPlanSlug = (slug: string) => planSlugSchema.safeParse(slug).success;
