"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { simulate, type SimulationState } from "./balance-actions";
import { Scenarios } from "./scenarios";

export function NetworkSimulator({ esimId, clockLabel }: { esimId: string; clockLabel: string }) {
  const t = useTranslations("Simulator");
  const [state, formAction, pending] = useActionState(simulate, {
    values: {},
    fieldErrors: {},
  } satisfies SimulationState);
  return (
    <section aria-labelledby="network-simulator-title" className="rounded-lg border border-dashed border-slate-400 p-4">
      <h2 id="network-simulator-title" className="font-semibold">
        {t("title")}
      </h2>
      <p className="text-sm text-slate-600">{t("lead")}</p>
      <p className="mt-1 text-sm text-slate-700" data-testid="simulated-clock">
        {t("clock", { dateTime: clockLabel })}
      </p>
      <div className="mt-3 flex flex-wrap gap-2">
        {(["data", "call", "advance"] as const).map((action) => (
          <form key={action} action={formAction}>
            <input type="hidden" name="esimId" value={esimId} />
            <input type="hidden" name="action" value={action} />
            <button
              type="submit"
              disabled={pending}
              className="rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-semibold hover:bg-slate-50 disabled:opacity-60"
            >
              {t(action === "data" ? "useData" : action)}
            </button>
          </form>
        ))}
      </div>
      <p aria-live="polite" className="mt-2 text-sm font-medium">
        {state.result && t(`results.${state.result}`)}
      </p>
      <Scenarios esimId={esimId} />
    </section>
  );
}
