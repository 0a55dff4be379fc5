"use server";

import type { EsimState } from "@prisma/client";
import { getLocale } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { currentUserId, requireUser } from "@/lib/auth/session";
import { findByActivationToken, resendActivationEmail } from "@/lib/esim/activation";
import { applyLifecycleEvent } from "@/lib/esim/profiles";
import { esimIdSchema, lifecycleFormSchema } from "@/lib/validation/esim";

export type LifecycleFormState = {
  error?: "invalid_transition" | "invalid_event" | "delete_unconfirmed";
  state?: EsimState;
};
export type ResendState = { result?: "sent" | "deleted" | "rate_limited"; retryAfterSeconds?: number };

// Which eSIM a form acts on: its id, for the owner's account pages, or the activation link's
// token, which works on a phone that is not logged in (but not for another logged-in user).
export type EsimTarget = { esimId: string } | { token: string };

async function resolveTarget(target: EsimTarget): Promise<{ esimId: string; userId: string; path: string }> {
  const locale = await getLocale();
  if ("esimId" in target) {
    const user = await requireUser(`/esims/${target.esimId}`);
    if (!esimIdSchema.safeParse(target.esimId).success) notFound();
    return { esimId: target.esimId, userId: user.id, path: `/${locale}/esims/${target.esimId}` };
  }
  const found = await findByActivationToken(target.token);
  const visitor = await currentUserId();
  if (found.status !== "ok" || (visitor && visitor !== found.userId)) notFound();
  return { esimId: found.esimId, userId: found.userId, path: `/${locale}/activate/${target.token}` };
}

export async function reportLifecycleEvent(
  target: EsimTarget,
  _previous: LifecycleFormState,
  formData: FormData,
): Promise<LifecycleFormState> {
  const { esimId, userId, path } = await resolveTarget(target);
  const parsed = lifecycleFormSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const unconfirmed = parsed.error.issues.some((issue) => issue.path[0] === "confirm");
    return { error: unconfirmed ? "delete_unconfirmed" : "invalid_event" };
  }
  const source = "token" in target ? "activation-page" : "simulator";
  const result = await applyLifecycleEvent(esimId, userId, parsed.data.event, source);
  if (result.status === "not_found") notFound();
  revalidatePath(path);
  return result.status === "ok" ? { state: result.state } : { error: "invalid_transition", state: result.state };
}

export async function resendActivation(esimId: string): Promise<ResendState> {
  const user = await requireUser(`/esims/${esimId}`);
  const result = await resendActivationEmail(esimId, user.id);
  if (result === "not_found") notFound();
  if (typeof result === "object") return { result: "rate_limited", retryAfterSeconds: result.retryAfterSeconds };
  return { result };
}
