import { getTranslations } from "next-intl/server";
import { ClientTranslations } from "@/app/_components/client-translations";
import { FormField } from "@/app/_components/form-field";
import { BRAND_INFO, BRANDS } from "@/lib/devices/catalog";
import { Link } from "@/lib/i18n/navigation";
import { DEVICE_QUERY_MAX_LENGTH, type DeviceSearchParams } from "@/lib/validation/devices";

export async function DeviceSearchForm({ search }: { search: DeviceSearchParams }) {
  const t = await getTranslations("Devices.search");
  const searched = Boolean(search.q || search.brand || search.error);

  return (
    <section aria-labelledby="search-title" className="rounded-xl border border-slate-200 p-5">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="search-title" className="text-xl font-semibold">
          {t("title")}
        </h2>
        {searched && (
          <Link href="/devices" className="font-semibold text-brand-700 underline">
            {t("clear")}
          </Link>
        )}
      </div>
      <form role="search" method="get" className="mt-4 grid gap-4 sm:grid-cols-[1fr_14rem_auto] sm:items-start">
        <ClientTranslations messages={["Errors"]}>
          <FormField
            name="q"
            type="search"
            label={t("label")}
            hint={t("hint")}
            errors={search.error && [search.error]}
            defaultValue={search.q}
            maxLength={DEVICE_QUERY_MAX_LENGTH}
            autoComplete="off"
            spellCheck={false}
          />
        </ClientTranslations>
        <div className="space-y-1">
          <label htmlFor="field-brand" className="block text-sm font-medium">
            {t("brand")}
          </label>
          <select
            id="field-brand"
            name="brand"
            defaultValue={search.brand ?? ""}
            className="block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base"
          >
            <option value="">{t("allBrands")}</option>
            {BRANDS.map((brand) => (
              <option key={brand} value={brand}>
                {BRAND_INFO[brand].name}
              </option>
            ))}
          </select>
        </div>
        {/* Level with the fields, below their labels. */}
        <button
          type="submit"
          className="rounded-md bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-800 sm:mt-6"
        >
          {t("submit")}
        </button>
      </form>
    </section>
  );
}
