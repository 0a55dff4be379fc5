import type { Metadata } from "next";
import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PlanCatalog } from "./_components/plan-catalog";

type PlansPageProps = { params: Promise<{ locale: Locale }> };

// Filtered lists (?carrier=…) are rewritten by the proxy to ./filter/….
export async function generateMetadata({ params }: PlansPageProps): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "Catalog.list" });
  return { title: t("metaTitle") };
}

export default async function PlansPage({ params }: PlansPageProps) {
  setRequestLocale((await params).locale);
  return <PlanCatalog filters={{}} />;
}
