"use server";

import { redirect } from "next/navigation";
import { checkoutHref } from "@/app/_lib/checkout-href";
import { type ActionReply, formPath, userAction } from "@/app/_lib/form-action";
import { startCheckout } from "@/lib/orders/checkout";
import { checkoutRequestSchema } from "@/lib/validation/checkout";
import type { FormState } from "@/lib/validation/form-state";

const checkoutPage = formPath("/plans/[planSlug]/checkout");

// Any signed-in buyer, for themselves. The buyer sends only the plan, the quantity and a code;
// the price is computed again here.
export const payForPlan = userAction(
  {
    schema: checkoutRequestSchema,
    identifiers: ["planSlug"],
    returnTo: checkoutPage,
    onInvalid: ({ locale, formData }) => redirect(`/${locale}${checkoutPage(formData)}?problem=quantity_invalid`),
  },
  async (request, { user, locale, formData }): Promise<ActionReply<FormState<never>>> => {
    const result = await startCheckout(user, request, { locale });
    if (result.status !== "opened") {
      const query = new URLSearchParams({
        problem: result.status,
        quantity: String(request.quantity),
        code: request.promoCode ?? "",
      });
      if (result.status === "rate_limited") query.set("retryAfter", String(result.retryAfterSeconds));
      redirect(`/${locale}${checkoutPage(formData)}?${query}`);
    }
    redirect(checkoutHref(result.url, locale));
  },
);
