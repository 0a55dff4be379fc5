"use server";

import { redirect } from "next/navigation";
import { type ActionReply, publicAction } from "@/app/_lib/form-action";
import { localWebhookOrigin } from "@/lib/payments/local-session";
import { answerAuthorization, authorizationForPage } from "@/lib/payments/local-wallets";
import type { FormState } from "@/lib/validation/form-state";
import { authorizationAnswerSchema } from "@/lib/validation/local-payments";

// Anyone holding the page's link may answer, as on Stripe's test page: the link is the secret,
// and it opens on a phone that is not signed in. On the buyer's own screen the answer returns to
// the checkout (paid: on to the shop; failed: back to choose again); on a phone, opened from the
// QR code, the page itself says what happened while the other screen moves on.
export const answerTestAuthorization = publicAction(
  { schema: authorizationAnswerSchema, identifiers: ["token", "answer", "scanned"] },
  async ({ token, answer, scanned }, { locale }): Promise<ActionReply<FormState<never>>> => {
    const page = await authorizationForPage(token);
    const attempt = await answerAuthorization(token, answer === "authorize", localWebhookOrigin());
    if (scanned || page.status === "unknown") redirect(`/${locale}/checkout/local/authorize/${token}?scanned=1`);
    if (attempt.status === "succeeded") redirect(attempt.redirectTo);
    redirect(`/${locale}/checkout/local/${page.sessionId}?method=${page.method}`);
  },
);
