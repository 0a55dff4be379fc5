import type { PlanKind } from "@prisma/client";
import { getTranslations } from "next-intl/server";

type NamedPlan = { kind: PlanKind; dataMb: number | null; days: number; carrier: { name: string } };

// "NTT Docomo 3 GB · 7 days", in the page's language.
export async function PlanName({ plan }: { plan: NamedPlan }) {
  const t = await getTranslations("PlanName");
  return t("label", {
    carrier: plan.carrier.name,
    kind: plan.kind,
    dataGb: Math.round(((plan.dataMb ?? 0) / 1024) * 10) / 10,
    days: plan.days,
  });
}
