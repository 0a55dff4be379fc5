import type { PlanFilters } from "@/lib/validation/catalog";

// The plan list with these filters. The fragment brings the filters and the results into view
// after a full page load, as happens without JavaScript.
export function plansHref(filters: PlanFilters) {
  const query: Record<string, string> = {};
  for (const [name, value] of Object.entries(filters)) if (value) query[name] = value;
  return { pathname: "/plans", query, hash: "filters" };
}
