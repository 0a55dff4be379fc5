"use server";

import { getLocale } from "next-intl/server";
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { advanceClock, simulateUsage } from "@/lib/balance/simulator";
import { startTopUp } from "@/lib/balance/topups";
import { requestOrigin } from "@/lib/request-origin";
import { esimIdSchema } from "@/lib/validation/esim";

const SIMULATIONS = {
  data: { dataBytes: 500n * 1_048_576n, voiceSeconds: 0 },
  call: { dataBytes: 0n, voiceSeconds: 180 },
} as const;

const simulationSchema = z.object({ action: z.enum(["data", "call", "advance"]) });
const packSchema = z.object({ pack: z.string().regex(/^[a-z0-9-]{1,80}$/) });

export type SimulationState = { result?: "recorded" | "duplicate" | "not_active" | "expired" | "advanced" };

async function ownedEsim(esimId: string) {
  const user = await requireUser(`/esims/${esimId}`);
  if (!esimIdSchema.safeParse(esimId).success) redirect(`/${await getLocale()}/dashboard`);
  return user;
}

export async function simulate(
  esimId: string,
  _previous: SimulationState,
  formData: FormData,
): Promise<SimulationState> {
  const user = await ownedEsim(esimId);
  const parsed = simulationSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return {};
  const locale = await getLocale();
  if (parsed.data.action === "advance") {
    await advanceClock(esimId, user.id, 24 * 60);
    revalidatePath(`/${locale}/esims/${esimId}`);
    return { result: "advanced" };
  }
  const result = await simulateUsage(esimId, user.id, SIMULATIONS[parsed.data.action]);
  revalidatePath(`/${locale}/esims/${esimId}`);
  return result.status === "not_found" ? {} : { result: result.status };
}

// The pack and the eSIM are checked on the server against the buyer; the price comes from the
// catalog, never from the form.
export async function buyTopUp(esimId: string, formData: FormData) {
  const user = await ownedEsim(esimId);
  const locale = await getLocale();
  const parsed = packSchema.safeParse(Object.fromEntries(formData));
  const back = `/${locale}/esims/${esimId}`;
  if (!parsed.success) redirect(`${back}?topup=not_found`);
  const result = await startTopUp(user, esimId, parsed.data.pack, { origin: requestOrigin(await headers()), locale });
  if (result.status !== "opened") redirect(`${back}?topup=${result.status}`);
  redirect(result.url.startsWith("/") ? `/${locale}${result.url}` : result.url);
}
