import type { Metadata } from "next";
import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { planFilterSegmentsSchema } from "@/lib/validation/catalog";
import { validOrUndefined } from "@/lib/validation/parse";
import { PlanCatalog } from "../../../../_components/plan-catalog";

type FilteredPlansProps = { params: Promise<{ locale: Locale; carrier: string; kind: string; duration: string }> };

// The proxy serves /plans?carrier=…&kind=…&duration=… from here.
export async function generateMetadata({ params }: FilteredPlansProps): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "Catalog.list" });
  return { title: t("metaTitle"), alternates: { canonical: `/${(await params).locale}/plans` } };
}

export default async function FilteredPlansPage({ params }: FilteredPlansProps) {
  const { locale, ...segments } = await params;
  setRequestLocale(locale);
  const filters = validOrUndefined(planFilterSegmentsSchema, segments);
  if (!filters) notFound();
  return <PlanCatalog filters={filters} />;
}
