"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { checkoutHref } from "@/app/_lib/checkout-href";
import { type ActionReply, formPath, userAction } from "@/app/_lib/form-action";
import { advanceClock, simulateUsage } from "@/lib/balance/simulator";
import { startTopUp } from "@/lib/balance/topups";
import { simulationFormSchema, topUpFormSchema } from "@/lib/validation/esim";
import type { FormState } from "@/lib/validation/form-state";

const SIMULATED_USAGE = {
  data: { dataBytes: 500n * 1_048_576n, voiceSeconds: 0 },
  call: { dataBytes: 0n, voiceSeconds: 180 },
} as const;

export type SimulationState = FormState<never> & {
  result?: "recorded" | "duplicate" | "not_active" | "expired" | "suspended" | "advanced" | "busy";
};

// Both act on the signed-in owner's eSIM only: the lib calls are scoped to the caller's account,
// so another account's id finds nothing.
const esimPage = formPath("/esims/[esimId]");

export const simulate = userAction(
  { schema: simulationFormSchema, identifiers: ["esimId"], returnTo: esimPage },
  async ({ esimId, action }, { user, locale }): Promise<ActionReply<SimulationState>> => {
    const result =
      action === "advance"
        ? await advanceClock(esimId, user.id, 24 * 60)
        : await simulateUsage(esimId, user.id, SIMULATED_USAGE[action]);
    revalidatePath(`/${locale}/esims/${esimId}`);
    return result.status === "not_found" ? {} : { result: result.status };
  },
);

// The pack and the eSIM are checked on the server against the buyer; the price comes from the
// catalog, never from the form.
export const buyTopUp = userAction(
  {
    schema: topUpFormSchema,
    identifiers: ["esimId"],
    returnTo: esimPage,
    onInvalid: ({ locale, formData }) => redirect(`/${locale}${esimPage(formData)}?topup=not_found`),
  },
  async ({ esimId, pack }, { user, locale }): Promise<ActionReply<FormState<never>>> => {
    const result = await startTopUp(user, esimId, pack, { locale });
    if (result.status === "rate_limited")
      redirect(`/${locale}/esims/${esimId}?topup=rate_limited&retryAfter=${result.retryAfterSeconds}`);
    if (result.status !== "opened") redirect(`/${locale}/esims/${esimId}?topup=${result.status}`);
    redirect(checkoutHref(result.url, locale));
  },
);
