import { z } from "./zod";
import { MAX_QUANTITY } from "../orders/pricing";
import { planSlugSchema } from "./catalog";

export const promoCodeSchema = z
  .string()
  .trim()
  .max(40, { error: "code_unknown" })
  .regex(/^[A-Za-z0-9_-]*$/, { error: "code_unknown" })
  .transform((code) => code.toUpperCase() || undefined);

export const quantitySchema = z.coerce
  .number({ error: "quantity_invalid" })
  .int({ error: "quantity_invalid" })
  .min(1, { error: "quantity_invalid" })
  .max(MAX_QUANTITY, { error: "quantity_invalid" });

// Only the plan, the quantity and an optional code come from the buyer: prices are computed
// on the server from the catalog and running promotions.
export const checkoutRequestSchema = z.object({
  planSlug: planSlugSchema,
  quantity: quantitySchema,
  promoCode: promoCodeSchema.optional(),
});

export type CheckoutRequest = z.infer<typeof checkoutRequestSchema>;

// Stripe's session ids (cs_test_…, cs_live_…) and the local checkout's share this shape.
export const checkoutSessionIdSchema = z.string().regex(/^cs_(test|live)_[A-Za-z0-9]{10,200}$/);

// The wait a rate-limited checkout is sent back with, in seconds (a day at most).
export const retryAfterSecondsSchema = z.coerce.number().int().min(1).max(86_400);
