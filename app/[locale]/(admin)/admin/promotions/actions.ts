"use server";

import { revalidatePath, updateTag } from "next/cache";
import { type ActionReply, staffAction } from "@/app/_lib/form-action";
import { createPromotion, editPromotion, endPromotionNow } from "@/lib/admin/promotions";
import { CATALOG_TAG } from "@/lib/catalog/cache-tag";
import {
  CREATE_PROMOTION_REPEATED,
  createPromotionSchema,
  editPromotionSchema,
  promotionIdSchema,
} from "@/lib/validation/admin-promotions";
import type { FormState } from "@/lib/validation/form-state";
import { notFound } from "next/navigation";

// Admins only (capability "promotions"): anyone else gets a 404 and nothing changes.

export type CreatePromotionState = FormState<
  "code" | "kind" | "value" | "startsAt" | "endsAt" | "maxRedemptions" | "scope",
  never,
  "planIds"
> & { created?: { id: string; code: string } };

// A sale or a bundle shows on the catalog pages, and the console lists every promotion.
function promotionsChanged(locale: string) {
  updateTag(CATALOG_TAG);
  revalidatePath(`/${locale}/admin/promotions`, "layout");
}

export const createPromotionAction = staffAction(
  {
    capability: "promotions",
    name: "promotion.create",
    schema: createPromotionSchema,
    echo: ["code", "kind", "value", "startsAt", "endsAt", "maxRedemptions", "scope", "planIds"],
    repeated: CREATE_PROMOTION_REPEATED,
  },
  async (input, { staff, locale }): Promise<ActionReply<CreatePromotionState>> => {
    const result = await createPromotion(staff, input);
    switch (result.status) {
      case "code_taken":
        return { fieldErrors: { code: ["promo_code_taken"] } };
      case "end_in_past":
        return { fieldErrors: { endsAt: ["window_end_in_past"] } };
      case "plans_required":
        return { fieldErrors: { planIds: ["promo_plans_required"] } };
      case "plans_unknown":
        return { fieldErrors: { planIds: ["promo_plans_unknown"] } };
      case "created":
        promotionsChanged(locale);
        return { values: {}, created: { id: result.id, code: input.code } };
    }
  },
);

export type EditPromotionState = FormState<"startsAt" | "endsAt" | "maxRedemptions"> & { saved?: boolean };

export const editPromotionAction = staffAction(
  {
    capability: "promotions",
    name: "promotion.edit",
    schema: editPromotionSchema,
    echo: ["startsAt", "endsAt", "maxRedemptions"],
    identifiers: ["promotionId"],
  },
  async (input, { staff, locale }): Promise<ActionReply<EditPromotionState>> => {
    const result = await editPromotion(staff, input);
    switch (result.status) {
      case "not_found":
        notFound();
      case "end_in_past":
        return { fieldErrors: { endsAt: ["window_end_in_past"] } };
      case "limit_below_redemptions":
        return { fieldErrors: { maxRedemptions: ["promo_limit_below_redemptions"] } };
      case "updated":
        promotionsChanged(locale);
        return { saved: true };
    }
  },
);

export type EndPromotionState = FormState<never, "already_ended"> & { ended?: boolean };

export const endPromotionAction = staffAction(
  { capability: "promotions", name: "promotion.end", schema: promotionIdSchema, identifiers: ["promotionId"] },
  async ({ promotionId }, { staff, locale }): Promise<ActionReply<EndPromotionState>> => {
    const result = await endPromotionNow(staff, promotionId);
    if (result.status === "not_found") notFound();
    if (result.status === "already_ended") return { formError: "already_ended" };
    promotionsChanged(locale);
    return { ended: true };
  },
);
