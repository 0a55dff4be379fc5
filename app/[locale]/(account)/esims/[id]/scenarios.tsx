"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useActionState } from "react";
import { JST_TIME_ZONE } from "@/lib/time/jst";
import { SCENARIO_LIMITS, SCENARIO_TYPES, type ScenarioType } from "@/lib/validation/scenarios";
import { type ScenarioFormState, startScenarioFromPage } from "./scenario-actions";

// The inputs each scenario takes, with the limits the server checks again.
const FIELDS: Record<ScenarioType, { name: "mb" | "hours" | "minutes"; min: number; max: number; value: number }[]> = {
  usage_stream: [
    { name: "mb", ...SCENARIO_LIMITS.mb, value: 500 },
    { name: "hours", ...SCENARIO_LIMITS.hours, value: 3 },
  ],
  dead_zone: [
    { name: "mb", ...SCENARIO_LIMITS.mb, value: 200 },
    { name: "minutes", ...SCENARIO_LIMITS.deadZoneMinutes, value: 60 },
  ],
  smdp_outage: [{ name: "minutes", ...SCENARIO_LIMITS.outageMinutes, value: 10 }],
  profile_deleted: [],
};

const button =
  "rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-semibold hover:bg-slate-50 disabled:opacity-60";

export function Scenarios({ esimId }: { esimId: string }) {
  const t = useTranslations("Scenarios");
  const format = useFormatter();
  const [state, formAction, pending] = useActionState(startScenarioFromPage, {
    values: {},
    fieldErrors: {},
  } satisfies ScenarioFormState);
  const shownFor = state.type ?? state.values.type;

  return (
    <div className="mt-4 border-t border-slate-300 pt-3">
      <h3 className="font-semibold">{t("title")}</h3>
      <p className="text-sm text-slate-600">{t("lead")}</p>
      <div className="mt-2 grid gap-3 sm:grid-cols-2">
        {SCENARIO_TYPES.map((type) => (
          <form
            key={type}
            action={formAction}
            className="rounded-md bg-slate-50 p-3"
            aria-label={t(`types.${type}.title`)}
          >
            <input type="hidden" name="esimId" value={esimId} />
            <input type="hidden" name="type" value={type} />
            <p className="text-sm font-semibold">{t(`types.${type}.title`)}</p>
            <p className="text-xs text-slate-600">{t(`types.${type}.lead`)}</p>
            {FIELDS[type].map((field) => (
              <label key={field.name} className="mt-2 block text-sm">
                {t(`fields.${field.name}`)}
                <input
                  type="number"
                  name={field.name}
                  min={field.min}
                  max={field.max}
                  step={1}
                  required
                  defaultValue={shownFor === type ? (state.values[field.name] ?? field.value) : field.value}
                  className="ml-2 w-24 rounded border border-slate-300 px-2 py-0.5"
                />
                {shownFor === type && state.fieldErrors[field.name] && (
                  <span className="block text-brand-700">{t(`errors.${field.name}`, field)}</span>
                )}
              </label>
            ))}
            <button type="submit" disabled={pending} className={`${button} mt-2`}>
              {t(`types.${type}.submit`)}
            </button>
            <p aria-live="polite" className="mt-1 text-sm font-medium">
              {shownFor === type &&
                state.result &&
                t(`results.${state.result}`, {
                  dateTime: state.endsAt
                    ? format.dateTime(new Date(state.endsAt), {
                        dateStyle: "medium",
                        timeStyle: "medium",
                        timeZone: JST_TIME_ZONE,
                      })
                    : "",
                })}
            </p>
          </form>
        ))}
      </div>
    </div>
  );
}
