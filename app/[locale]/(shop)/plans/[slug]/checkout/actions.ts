"use server";

import { getLocale } from "next-intl/server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { startCheckout } from "@/lib/orders/checkout";
import { requestOrigin } from "@/lib/request-origin";
import { checkoutRequestSchema } from "@/lib/validation/checkout";

// The buyer sends only the plan, the quantity and a code; the price is computed again here.
export async function payForPlan(formData: FormData) {
  const locale = await getLocale();
  const planSlug = String(formData.get("planSlug") ?? "");
  const checkoutPath = `/${locale}/plans/${encodeURIComponent(planSlug)}/checkout`;
  const user = await requireUser(`/plans/${planSlug}/checkout`);
  const parsed = checkoutRequestSchema.safeParse({
    planSlug,
    quantity: formData.get("quantity"),
    promoCode: formData.get("promoCode") ?? undefined,
  });
  if (!parsed.success) redirect(`${checkoutPath}?problem=quantity_invalid`);

  const origin = requestOrigin(await headers());
  const result = await startCheckout(user, parsed.data, { origin, locale });
  if (result.status !== "opened") {
    const query = new URLSearchParams({
      problem: result.status,
      quantity: String(parsed.data.quantity),
      code: parsed.data.promoCode ?? "",
    });
    redirect(`${checkoutPath}?${query}`);
  }
  // The local checkout answers with a path on this site, real Stripe with its own URL.
  redirect(result.url.startsWith("/") ? `/${locale}${result.url}` : result.url);
}
