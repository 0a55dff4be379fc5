import type { CatalogPlan } from "./plans";

// Data is counted in binary units, as the catalog defines it (1 GB = 1024 MB, prisma/catalog.ts);
// line speeds in decimal ones, as carriers advertise them (1 Mbps = 1000 kbps).
const MB_PER_GB = 1024;
const KBPS_PER_MBPS = 1000;

type PlanQuantities = Pick<CatalogPlan, "dataMb" | "days" | "fairUseDailyMb" | "throttledKbps"> & {
  carrier: Pick<CatalogPlan["carrier"], "name">;
};

type CatalogKey = "units.gb" | "units.mb" | "units.mbps" | "units.kbps" | "unlimited" | "planName";

// Any translator of the Catalog messages: the page's, or the one an email brings along.
export type CatalogTranslator = (key: CatalogKey, values?: Record<string, string | number>) => string;

// Words for a plan's numbers, shared by every page and email that shows a plan.
export function planFormat(t: CatalogTranslator) {
  // Balances are rarely whole: one decimal for gigabytes, whole megabytes below that.
  const data = (mb: number) =>
    mb >= MB_PER_GB
      ? t("units.gb", { amount: Math.round((mb / MB_PER_GB) * 10) / 10 })
      : t("units.mb", { amount: Math.round(mb) });
  const speed = (kbps: number) =>
    kbps >= KBPS_PER_MBPS ? t("units.mbps", { amount: kbps / KBPS_PER_MBPS }) : t("units.kbps", { amount: kbps });
  const allowance = (plan: Pick<PlanQuantities, "dataMb">) =>
    plan.dataMb === null ? t("unlimited") : data(plan.dataMb);

  return {
    data,
    speed,
    allowance,
    // The daily full-speed allowance of an unlimited plan and the speed after it, or null
    // when the plan has no such rule.
    fairUse(plan: PlanQuantities) {
      if (plan.fairUseDailyMb === null || plan.throttledKbps === null) return null;
      return { allowance: data(plan.fairUseDailyMb), speed: speed(plan.throttledKbps) };
    },
    name(plan: Pick<PlanQuantities, "dataMb" | "days" | "carrier">) {
      return t("planName", { carrier: plan.carrier.name, data: allowance(plan), days: plan.days });
    },
  };
}
