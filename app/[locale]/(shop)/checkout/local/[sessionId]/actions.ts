"use server";

import { redirect } from "next/navigation";
import { type ActionReply, userAction } from "@/app/_lib/form-action";
import { localWebhookOrigin, payLocalSession, resolveChallenge } from "@/lib/payments/local-checkout";
import type { DeclineCode } from "@/lib/payments/test-cards";
import { cardPaymentSchema, challengeAnswerSchema } from "@/lib/validation/card";
import type { FormState } from "@/lib/validation/form-state";
import { buyersLocalSession } from "./session";

type CardField = "cardNumber" | "expiry" | "cvc" | "cardholder";
export type CardFormState = FormState<CardField, "declined" | "closed"> & { declineCode?: DeclineCode };

// Both act on the buyer's own session: buyersLocalSession answers 404 to anyone else.
const sessionPage = (formData: FormData) => `/checkout/local/${encodeURIComponent(String(formData.get("sessionId")))}`;

export const payWithCard = userAction(
  { schema: cardPaymentSchema, echo: ["cardholder"], identifiers: ["sessionId"], returnTo: sessionPage },
  async ({ sessionId, ...card }, { locale, formData }): Promise<ActionReply<CardFormState>> => {
    const session = await buyersLocalSession(sessionId, sessionPage(formData));
    const attempt = await payLocalSession(session.id, card, localWebhookOrigin());
    if (attempt.status === "succeeded") redirect(attempt.redirectTo);
    if (attempt.status === "requires_authentication") redirect(`/${locale}/checkout/local/${session.id}/authenticate`);
    if (attempt.status === "declined") return { formError: "declined", declineCode: attempt.code };
    return { formError: "closed" };
  },
);

export const answerChallenge = userAction(
  {
    schema: challengeAnswerSchema,
    identifiers: ["sessionId", "answer"],
    returnTo: (formData) => `${sessionPage(formData)}/authenticate`,
  },
  async ({ sessionId, answer }, { locale, formData }): Promise<ActionReply<FormState<never>>> => {
    const session = await buyersLocalSession(sessionId, `${sessionPage(formData)}/authenticate`);
    const attempt = await resolveChallenge(session.id, answer === "complete", localWebhookOrigin());
    if (attempt.status === "succeeded") redirect(attempt.redirectTo);
    // Back to the card form, which shows the failed authentication or the closed session.
    redirect(`/${locale}/checkout/local/${session.id}`);
  },
);
