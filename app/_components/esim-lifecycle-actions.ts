"use server";

import type { EsimState } from "@prisma/client";
import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { esimOfForm } from "@/app/_lib/esim-target";
import { type ActionReply, formPath, publicAction, userAction } from "@/app/_lib/form-action";
import { resendActivationEmail } from "@/lib/esim/activation";
import { mayReport } from "@/lib/esim/lifecycle";
import { applyLifecycleEvent } from "@/lib/esim/profiles";
import { esimFormSchema, lifecycleFormSchema } from "@/lib/validation/esim";
import type { FormState } from "@/lib/validation/form-state";

export type LifecycleFormState = FormState<"event" | "confirm", "invalid_transition" | "smdp_unavailable"> & {
  state?: EsimState;
};
export type ResendState = FormState<never, "rate_limited"> & { result?: "sent" | "deleted" | "revoked" };

// The owner on their eSIM's page, or whoever holds its activation link (see esimOfForm) for what
// a phone does; turning the eSIM off or deleting it needs the owner signed in (mayReport).
export const reportLifecycleEvent = publicAction(
  { schema: lifecycleFormSchema, identifiers: ["esimId", "token"] },
  async ({ event, ...target }, { locale }): Promise<ActionReply<LifecycleFormState>> => {
    const ownerOnly = !mayReport("link-holder", event);
    const { esimId, userId, path, via } = await esimOfForm(target, locale, { ownerOnly });
    const source = via === "activation-link" ? "activation-page" : "simulator";
    const result = await applyLifecycleEvent(esimId, userId, event, source);
    if (result.status === "not_found") notFound();
    revalidatePath(path);
    if (result.status === "smdp_unavailable") return { formError: "smdp_unavailable" };
    return result.status === "ok" ? { state: result.state } : { formError: "invalid_transition", state: result.state };
  },
);

// The owner only: a new link replaces the old one (and, before any download, a new code too).
export const resendActivation = userAction(
  {
    schema: esimFormSchema,
    identifiers: ["esimId"],
    returnTo: formPath("/esims/[esimId]"),
  },
  async ({ esimId }, { user }): Promise<ActionReply<ResendState>> => {
    const result = await resendActivationEmail(esimId, user.id, "account-page");
    if (result.status === "not_found") notFound();
    return result.status === "rate_limited" ? result : { result: result.status };
  },
);
