import { getTranslations } from "next-intl/server";
import { BRAND_INFO, type Device } from "@/lib/devices/catalog";
import { groupByBrand, type DeviceSearch } from "@/lib/devices/search";
import { DeviceCard } from "./device-card";
import { NoMatch } from "./no-match";

export async function DeviceResults({ devices, search }: { devices: Device[]; search: DeviceSearch }) {
  const t = await getTranslations("Devices.results");
  const searched = Boolean(search.q || search.brand);

  return (
    <section aria-labelledby="results-title">
      <h2 id="results-title" className="text-xl font-semibold">
        {searched ? t("found", { count: devices.length }) : t("all", { count: devices.length })}
      </h2>
      {devices.length === 0 ? (
        <NoMatch query={search.q ?? ""} />
      ) : (
        <div className="mt-6 space-y-10">
          {groupByBrand(devices).map((group) => (
            <div key={group.brand}>
              <h3 className="text-lg font-semibold">{BRAND_INFO[group.brand].name}</h3>
              <ul className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
                {group.devices.map((device) => (
                  <li key={device.model}>
                    <DeviceCard device={device} />
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
