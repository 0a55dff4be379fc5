"use server";

import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { type ActionReply, formPath, userAction } from "@/app/_lib/form-action";
import { startScenario } from "@/lib/scenarios/start";
import type { FormState } from "@/lib/validation/form-state";
import type { ScenarioType } from "@/lib/validation/scenarios";
import { scenarioFormSchema } from "@/lib/validation/scenarios";

export type ScenarioFormState = FormState<"type" | "mb" | "hours" | "minutes"> & {
  result?: "started" | "deleted" | "not_active" | "suspended" | "invalid_transition";
  type?: ScenarioType;
  endsAt?: string;
};

// The signed-in owner's eSIM only: startScenario looks the eSIM up in the caller's account, so
// another account's id (or a forged scenario type) is answered 404. Production never renders
// the form, and a post to it there is a 404 too.
export const startScenarioFromPage = userAction(
  {
    schema: scenarioFormSchema,
    identifiers: ["esimId", "type"],
    echo: ["type", "mb", "hours", "minutes"],
    returnTo: formPath("/esims/[esimId]"),
  },
  async ({ esimId, ...scenario }, { user, locale }): Promise<ActionReply<ScenarioFormState>> => {
    const result = await startScenario(esimId, user.id, scenario);
    if (result.status === "not_found" || result.status === "unavailable") notFound();
    revalidatePath(`/${locale}/esims/${esimId}`);
    if (result.status !== "started") return { result: result.status, type: scenario.type };
    return {
      result: scenario.type === "profile_deleted" ? "deleted" : "started",
      type: scenario.type,
      endsAt: result.endsAt.toISOString(),
    };
  },
);
