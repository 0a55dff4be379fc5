import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import type { Device, EsimDevice } from "@/lib/devices/catalog";
import { installSupport } from "@/lib/devices/install";
import { normalize } from "@/lib/devices/search";

const badge = "shrink-0 rounded-full px-3 py-0.5 text-sm font-semibold";

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="flex justify-between gap-3">
      <dt className="text-slate-600">{term}</dt>
      <dd className="text-right font-medium">{children}</dd>
    </div>
  );
}

// From which OS version the phone takes an eSIM, and by which of the three ways of installing.
async function InstallFacts({ device }: { device: EsimDevice }) {
  const t = await getTranslations("Devices");
  const { platform, esimMinOs, linkMinOs } = installSupport(device);
  const yes = (
    <>
      <span aria-hidden>✓ </span>
      {t("device.yes")}
    </>
  );
  return (
    <>
      <dl className="mt-3 space-y-1 text-sm">
        <Fact term={t("device.esim")}>{t("device.osVersion", { platform, version: esimMinOs })}</Fact>
        <Fact term={t("device.qr")}>{yes}</Fact>
        <Fact term={t("device.manual")}>{yes}</Fact>
        <Fact term={t("device.link")}>
          {linkMinOs ? (
            t("device.osVersion", { platform, version: linkMinOs })
          ) : (
            <span className="font-normal text-slate-700">{t("device.noLink")}</span>
          )}
        </Fact>
      </dl>
      {device.caveats && (
        <ul className="mt-3 space-y-1 rounded-md bg-amber-50 p-3 text-sm text-amber-950">
          {device.caveats.map((caveat) => (
            <li key={caveat}>{t(`caveats.${caveat}`)}</li>
          ))}
        </ul>
      )}
    </>
  );
}

export async function DeviceCard({ device }: { device: Device }) {
  const [t, format] = await Promise.all([getTranslations("Devices.device"), getFormatter()]);
  const titleId = `device-${normalize(`${device.brand} ${device.model}`)}`;

  return (
    <article aria-labelledby={titleId} className="h-full rounded-xl border border-slate-200 p-4">
      <div className="flex items-start justify-between gap-2">
        <h4 id={titleId} className="font-semibold">
          {device.model}
        </h4>
        {/* A tick or a cross, so the answer does not rest on colour alone. */}
        {device.esim ? (
          <p className={`${badge} bg-emerald-100 text-emerald-900`}>
            <span aria-hidden>✓ </span>
            {t("hasEsim")}
          </p>
        ) : (
          <p className={`${badge} bg-slate-200 text-slate-800`}>
            <span aria-hidden>✗ </span>
            {t("noEsim")}
          </p>
        )}
      </div>
      {device.aliases && (
        <p className="mt-1 text-sm text-slate-600">{t("aliases", { names: format.list(device.aliases) })}</p>
      )}
      {device.esim ? (
        <InstallFacts device={device} />
      ) : (
        <p className="mt-3 text-sm text-slate-700">{t("noEsimBody")}</p>
      )}
    </article>
  );
}
