import { getTranslations } from "next-intl/server";
import { planFormat } from "@/lib/catalog/plan-format";

export async function getPlanFormat() {
  return planFormat(await getTranslations("Catalog"));
}
