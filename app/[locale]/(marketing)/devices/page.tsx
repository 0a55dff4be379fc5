import type { Metadata } from "next";
import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { DEVICES } from "@/lib/devices/catalog";
import { searchDevices } from "@/lib/devices/search";
import { parseDeviceSearch } from "@/lib/validation/devices";
import { DeviceResults } from "./_components/device-results";
import { DeviceSearchForm } from "./_components/device-search-form";
import { HowToCheck } from "./_components/how-to-check";

type DevicesPageProps = {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: DevicesPageProps): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "Devices" });
  return { title: t("metaTitle"), description: t("metaDescription") };
}

// The search is a plain GET form answered here on the server, so it works without JavaScript
// and a search can be bookmarked or shared.
export default async function DevicesPage({ params, searchParams }: DevicesPageProps) {
  setRequestLocale((await params).locale);
  const search = parseDeviceSearch(await searchParams);
  const t = await getTranslations("Devices");

  return (
    <div className="mx-auto max-w-6xl space-y-10 px-4 py-10 sm:py-14">
      <div>
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{t("title")}</h1>
        <p className="mt-3 max-w-2xl text-lg text-slate-700">{t("lead")}</p>
      </div>
      <DeviceSearchForm search={search} />
      {/* A refused query lists nothing: the form says what to change. */}
      {!search.error && <DeviceResults devices={searchDevices(DEVICES, search)} search={search} />}
      <HowToCheck />
    </div>
  );
}
