import { fromJstLocal } from "../time/jst";
import type { RepeatedFields } from "./form-state";
import { z } from "./zod";

// The console's promotion and catalog forms, checked in the browser and again in the server
// action. Error messages are message keys under `Errors.`.

// Codes are stored upper-case (checkout upper-cases what the buyer types) and read out on the
// phone, so letters, digits and dashes only.
export const PROMO_CODE_PATTERN = /^[A-Z0-9][A-Z0-9-]{2,39}$/;

const CUID = /^[a-z0-9]{20,40}$/;
const cuid = z.string().regex(CUID);

// A datetime-local input gives Japan wall-clock time to the minute, as the form labels say;
// it is stored as the instant.
const JST_INPUT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

function jstInstant(error: string) {
  return z
    .string({ error })
    .regex(JST_INPUT, { error })
    .transform((value) => fromJstLocal(value))
    .refine((instant) => !Number.isNaN(instant.getTime()), { error });
}

const windowFields = { startsAt: jstInstant("window_start_invalid"), endsAt: jstInstant("window_end_invalid") };

function endAfterStart<T extends { startsAt: Date; endsAt: Date }>(value: T, context: z.RefinementCtx) {
  if (value.endsAt <= value.startsAt) {
    context.addIssue({ code: "custom", path: ["endsAt"], message: "window_end_before_start" });
  }
}

// Empty: no limit.
const maxRedemptions = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? Number(value) : null))
  .refine((value) => value === null || (Number.isInteger(value) && value >= 1 && value <= 10_000_000), {
    error: "promo_limit_invalid",
  });

export const PROMO_KINDS = ["percent", "amount"] as const;
export const PROMO_SCOPES = ["all", "some"] as const;
export const MAX_PERCENT_OFF = 100;
export const MAX_AMOUNT_OFF = 1_000_000;

export const createPromotionSchema = z
  .object({
    code: z
      .string({ error: "promo_code_format" })
      .trim()
      .toUpperCase()
      .regex(PROMO_CODE_PATTERN, { error: "promo_code_format" }),
    kind: z.enum(PROMO_KINDS, { error: "promo_kind_invalid" }),
    value: z.coerce.number({ error: "promo_value_invalid" }).int({ error: "promo_value_invalid" }),
    ...windowFields,
    maxRedemptions,
    scope: z.enum(PROMO_SCOPES, { error: "promo_scope_invalid" }),
    // The checkboxes of the plans a code applies to. Ids that are not plans are refused later.
    planIds: z
      .array(z.string().regex(CUID, { error: "promo_plans_unknown" }), { error: "promo_plans_unknown" })
      .max(200, { error: "promo_plans_unknown" }),
  })
  .superRefine((value, context) => {
    const max = value.kind === "percent" ? MAX_PERCENT_OFF : MAX_AMOUNT_OFF;
    if (value.value < 1 || value.value > max) {
      context.addIssue({ code: "custom", path: ["value"], message: "promo_value_invalid" });
    }
    endAfterStart(value, context);
  });

export type CreatePromotionInput = z.output<typeof createPromotionSchema>;

// The plan checkboxes share one name: both the action and the browser's check read them as a list.
export const CREATE_PROMOTION_REPEATED = ["planIds"] as const satisfies RepeatedFields<typeof createPromotionSchema>[];

export const editPromotionSchema = z
  .object({ promotionId: cuid, ...windowFields, maxRedemptions })
  .superRefine(endAfterStart);

export type EditPromotionInput = z.output<typeof editPromotionSchema>;

export const promotionIdSchema = z.object({ promotionId: cuid });

export const planSaleSchema = z
  .object({
    planId: cuid,
    salePrice: z.coerce
      .number({ error: "sale_price_invalid" })
      .int({ error: "sale_price_invalid" })
      .min(1, { error: "sale_price_invalid" }),
    ...windowFields,
  })
  .superRefine(endAfterStart);

export type PlanSaleInput = z.output<typeof planSaleSchema>;

export const planIdSchema = z.object({ planId: cuid });
