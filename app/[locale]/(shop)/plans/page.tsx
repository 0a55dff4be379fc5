import type { Metadata } from "next";
import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PlanCatalog } from "./_components/plan-catalog";

type PlansPageProps = { params: Promise<{ locale: Locale }> };

// The catalog is the same for every visitor: rendered on the first request (so the build needs
// no database), then served from the cache and rebuilt in the background at most once a minute.
// A sale that starts or ends shows within that minute; checkout always prices afresh.
// Filtered lists (?carrier=…) are rewritten by the proxy to ./filter/…, cached the same way.
export const revalidate = 60;
export const generateStaticParams = () => [];

export async function generateMetadata({ params }: PlansPageProps): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "Catalog.list" });
  return { title: t("metaTitle") };
}

export default async function PlansPage({ params }: PlansPageProps) {
  setRequestLocale((await params).locale);
  return <PlanCatalog filters={{}} />;
}
