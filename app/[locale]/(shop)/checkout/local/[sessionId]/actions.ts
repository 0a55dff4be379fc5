"use server";

import { getLocale } from "next-intl/server";
import { redirect } from "next/navigation";
import {
  localWebhookOrigin,
  type PaymentAttempt,
  payLocalSession,
  resolveChallenge,
} from "@/lib/payments/local-checkout";
import type { DeclineCode } from "@/lib/payments/test-cards";
import { cardSchema } from "@/lib/validation/card";
import { type FormState, fieldErrorsOf, submittedValues } from "@/lib/validation/form-state";
import { buyersLocalSession } from "./session";

type CardField = "cardNumber" | "expiry" | "cvc" | "cardholder";
export type CardFormState = FormState<CardField, "declined" | "closed"> & { declineCode?: DeclineCode };

async function ownedSessionId(sessionId: string, returnTo: string): Promise<string> {
  return (await buyersLocalSession(sessionId, returnTo)).id;
}

async function followAttempt(attempt: PaymentAttempt, sessionId: string): Promise<CardFormState | never> {
  const locale = await getLocale();
  if (attempt.status === "succeeded") redirect(attempt.redirectTo);
  if (attempt.status === "requires_authentication") redirect(`/${locale}/checkout/local/${sessionId}/authenticate`);
  if (attempt.status === "declined")
    return { values: {}, fieldErrors: {}, formError: "declined", declineCode: attempt.code };
  return { values: {}, fieldErrors: {}, formError: "closed" };
}

export async function payWithCard(
  sessionId: string,
  _previous: CardFormState,
  formData: FormData,
): Promise<CardFormState> {
  const values = submittedValues(formData, ["cardholder"] as const);
  const owned = await ownedSessionId(sessionId, `/checkout/local/${sessionId}`);
  const parsed = cardSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error) };
  const attempt = await payLocalSession(owned, parsed.data, localWebhookOrigin());
  return { ...(await followAttempt(attempt, owned)), values };
}

export async function answerChallenge(sessionId: string, approved: boolean) {
  const owned = await ownedSessionId(sessionId, `/checkout/local/${sessionId}/authenticate`);
  const attempt = await resolveChallenge(owned, approved, localWebhookOrigin());
  if (attempt.status === "succeeded") redirect(attempt.redirectTo);
  const locale = await getLocale();
  // Back to the card form, which shows the failed authentication or the closed session.
  redirect(`/${locale}/checkout/local/${sessionId}`);
}
