import { z } from "zod";

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
export type PlanFilterSegments = { carrier: string; kind: string; duration: string };

export function filterSegments(filters: PlanFilters): PlanFilterSegments {
  return { carrier: filters.carrier ?? ALL, kind: filters.kind ?? ALL, duration: filters.duration ?? ALL };
}

export const planFilterSegmentsSchema = z.object({
  carrier: z.union([z.enum(CARRIER_FILTERS), z.literal(ALL).transform(() => undefined)]),
  kind: z.union([z.enum(KIND_FILTERS), z.literal(ALL).transform(() => undefined)]),
  duration: z.union([z.enum(DURATION_FILTERS), z.literal(ALL).transform(() => undefined)]),
});
