"use client";

import type { EsimState } from "@prisma/client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { allowedEvents, mayReport, type Reporter } from "@/lib/esim/lifecycle";
import { type LifecycleFormState, reportLifecycleEvent } from "./esim-lifecycle-actions";

// The eSIM by id on the owner's pages, or by the activation link's token (see esimOfForm).
type EsimTarget = { esimId: string } | { token: string };

// Buttons for what the simulated phone and network can report from the eSIM's current state,
// and of that what this visitor may report (the server checks it again).
export function EsimSimulator({
  target,
  state,
  reporter,
}: {
  target: EsimTarget;
  state: EsimState;
  reporter: Reporter;
}) {
  const t = useTranslations("Esim");
  const tSmdp = useTranslations("SmdpStatus");
  const [result, formAction, pending] = useActionState(reportLifecycleEvent, {
    values: {},
    fieldErrors: {},
  } satisfies LifecycleFormState);
  const targetField =
    "esimId" in target ? { name: "esimId", value: target.esimId } : { name: "token", value: target.token };
  const events = allowedEvents(state).filter((event) => mayReport(reporter, event));
  if (events.length === 0) return null;

  return (
    <section aria-labelledby="simulator-title" className="rounded-lg border border-dashed border-slate-400 p-4">
      <h2 id="simulator-title" className="font-semibold">
        {t("simulatorTitle")}
      </h2>
      <p className="text-sm text-slate-600">{t("simulatorLead")}</p>
      <div className="mt-3 flex flex-wrap gap-2">
        {events
          .filter((event) => event !== "delete")
          .map((event) => (
            <form key={event} action={formAction}>
              <input type="hidden" {...targetField} />
              <input type="hidden" name="event" value={event} />
              <button
                type="submit"
                disabled={pending}
                className="rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-semibold hover:bg-slate-50 disabled:opacity-60"
              >
                {t(`events.${event}`)}
              </button>
            </form>
          ))}
      </div>
      {events.includes("delete") && (
        <form action={formAction} className="mt-4 rounded-md bg-brand-50 p-3">
          <input type="hidden" {...targetField} />
          <input type="hidden" name="event" value="delete" />
          <p className="text-sm font-medium text-brand-800">{t("deleteWarning")}</p>
          <label className="mt-2 flex items-center gap-2 text-sm">
            <input type="checkbox" name="confirm" value="yes" required />
            {t("deleteConfirm")}
          </label>
          <button
            type="submit"
            disabled={pending}
            className="mt-2 rounded-md border border-brand-700 px-3 py-1.5 text-sm font-semibold text-brand-800 hover:bg-white disabled:opacity-60"
          >
            {t("events.delete")}
          </button>
        </form>
      )}
      <p aria-live="polite" className="mt-2 text-sm font-medium text-brand-700">
        {result.formError === "invalid_transition" &&
          result.state &&
          t("invalidTransition", { state: t(`states.${result.state}`) })}
        {result.formError === "smdp_unavailable" && tSmdp("downloadRefused")}
        {result.fieldErrors.event && t("invalidEvent")}
        {result.fieldErrors.confirm && t("deleteUnconfirmed")}
      </p>
    </section>
  );
}
