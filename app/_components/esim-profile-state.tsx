import type { EsimState } from "@prisma/client";
import { getTranslations } from "next-intl/server";

// Where the profile is in its install lifecycle, and which phone holds it once downloaded.
export async function EsimProfileState({ esim }: { esim: { state: EsimState; eid: string | null } }) {
  const t = await getTranslations("Esim");
  return (
    <>
      <p className="mt-3">
        {t("state")}: <strong data-testid="esim-state">{t(`states.${esim.state}`)}</strong>
      </p>
      <p className="text-slate-700">{t(`stateHelp.${esim.state}`)}</p>
      {esim.eid && (
        <p className="text-sm text-slate-700">
          {t("eid")}{" "}
          <span className="font-mono break-all" data-testid="eid">
            {esim.eid}
          </span>
        </p>
      )}
    </>
  );
}
