import { getPlanFormat } from "./plan-format";

type NamedPlan = { dataMb: number | null; days: number; carrier: { name: string } };

// "NTT Docomo 3 GB · 7 days", in the page's language.
export async function PlanName({ plan }: { plan: NamedPlan }) {
  return (await getPlanFormat()).name(plan);
}
