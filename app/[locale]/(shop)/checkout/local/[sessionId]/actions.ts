"use server";

import { redirect } from "next/navigation";
import { type ActionReply, formPath, userAction } from "@/app/_lib/form-action";
import { payLocalSession, resolveChallenge } from "@/lib/payments/local-checkout";
import { issueKonbiniVoucher } from "@/lib/payments/local-konbini";
import { localWebhookOrigin } from "@/lib/payments/local-session";
import { cancelRedirectPayment, startRedirectPayment } from "@/lib/payments/local-wallets";
import { SCANNED_ON_A_PHONE } from "@/lib/payments/methods";
import { asDeclineCode, type DeclineCode } from "@/lib/payments/test-cards";
import { cardPaymentSchema, challengeAnswerSchema } from "@/lib/validation/card";
import type { FormState } from "@/lib/validation/form-state";
import { cancelRedirectSchema, konbiniDetailsSchema, redirectChoiceSchema } from "@/lib/validation/local-payments";
import { buyersLocalSession } from "./session";

type CardField = "cardNumber" | "expiry" | "cvc" | "cardholder";
export type CardFormState = FormState<CardField, "declined" | "closed" | "method_unavailable"> & {
  declineCode?: DeclineCode;
};

type KonbiniField = "name" | "email" | "phone";
export type KonbiniFormState = FormState<KonbiniField, "closed" | "method_unavailable">;

// Every action acts on the buyer's own session: buyersLocalSession answers 404 to anyone else.
const sessionPage = formPath("/checkout/local/[sessionId]");
const challengePage = formPath("/checkout/local/[sessionId]/authenticate");

export const payWithCard = userAction(
  { schema: cardPaymentSchema, echo: ["cardholder"], identifiers: ["sessionId"], returnTo: sessionPage },
  async ({ sessionId, ...card }, { locale, formData }): Promise<ActionReply<CardFormState>> => {
    const session = await buyersLocalSession(sessionId, sessionPage(formData));
    const attempt = await payLocalSession(session.id, card, localWebhookOrigin());
    if (attempt.status === "succeeded") redirect(attempt.redirectTo);
    if (attempt.status === "requires_authentication") redirect(`/${locale}/checkout/local/${session.id}/authenticate`);
    if (attempt.status === "declined") return { formError: "declined", declineCode: asDeclineCode(attempt.code) };
    if (attempt.status === "not_offered") return { formError: "method_unavailable" };
    return { formError: "closed" };
  },
);

export const answerChallenge = userAction(
  {
    schema: challengeAnswerSchema,
    identifiers: ["sessionId", "answer"],
    returnTo: challengePage,
  },
  async ({ sessionId, answer }, { locale, formData }): Promise<ActionReply<FormState<never>>> => {
    const session = await buyersLocalSession(sessionId, challengePage(formData));
    const attempt = await resolveChallenge(session.id, answer === "complete", localWebhookOrigin());
    if (attempt.status === "succeeded") redirect(attempt.redirectTo);
    // Back to the card form, which shows the failed authentication or the closed session.
    redirect(`/${locale}/checkout/local/${session.id}`);
  },
);

// The voucher is shown on the checkout page itself, as Stripe's hosted voucher is, before the
// buyer returns to the shop.
export const payAtKonbini = userAction(
  { schema: konbiniDetailsSchema, echo: ["name", "email", "phone"], identifiers: ["sessionId"], returnTo: sessionPage },
  async ({ sessionId, ...details }, { locale, formData }): Promise<ActionReply<KonbiniFormState>> => {
    const session = await buyersLocalSession(sessionId, sessionPage(formData));
    const issued = await issueKonbiniVoucher(session.id, details, localWebhookOrigin());
    if (issued.status === "succeeded") redirect(`/${locale}/checkout/local/${session.id}`);
    if (issued.status === "confirmation_number_rejected") return { fieldErrors: { phone: ["konbini_phone_rejected"] } };
    if (issued.status === "not_offered") return { formError: "method_unavailable" };
    return { formError: "closed" };
  },
);

// A wallet sends the buyer to its authorization page; PayPay and WeChat Pay first show a QR code
// on the checkout page, which waits for the answer given on the phone.
export const payWithRedirect = userAction(
  { schema: redirectChoiceSchema, identifiers: ["sessionId", "method"], returnTo: sessionPage },
  async (
    { sessionId, method },
    { locale, formData },
  ): Promise<ActionReply<FormState<never, "closed" | "method_unavailable">>> => {
    const session = await buyersLocalSession(sessionId, sessionPage(formData));
    const started = await startRedirectPayment(session.id, method);
    if (started.status !== "started")
      return { formError: started.status === "closed" ? "closed" : "method_unavailable" };
    if (SCANNED_ON_A_PHONE.includes(method)) redirect(`/${locale}/checkout/local/${session.id}?method=${method}`);
    redirect(`/${locale}/checkout/local/authorize/${started.token}`);
  },
);

export const chooseAnotherMethod = userAction(
  { schema: cancelRedirectSchema, identifiers: ["sessionId"], returnTo: sessionPage },
  async ({ sessionId }, { locale, formData }): Promise<ActionReply<FormState<never>>> => {
    const session = await buyersLocalSession(sessionId, sessionPage(formData));
    await cancelRedirectPayment(session.id);
    redirect(`/${locale}/checkout/local/${session.id}`);
  },
);
