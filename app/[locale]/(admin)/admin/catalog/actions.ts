"use server";

import { revalidatePath, updateTag } from "next/cache";
import { notFound } from "next/navigation";
import { type ActionReply, staffAction } from "@/app/_lib/form-action";
import type { StaffMember } from "@/lib/admin/guard";
import { endPlanSale, putPlanOnSale, restorePlan, withdrawPlan } from "@/lib/admin/catalog";
import { CATALOG_TAG } from "@/lib/catalog/cache-tag";
import { planIdSchema, planSaleSchema } from "@/lib/validation/admin-promotions";
import type { FormState } from "@/lib/validation/form-state";

// Admins only (capability "catalog"): anyone else gets a 404 and nothing changes.

// The shop's catalog pages read the plans through the data cache: expiring its tag makes the
// next visitor see the change, without a restart.
function catalogChanged(locale: string) {
  updateTag(CATALOG_TAG);
  revalidatePath(`/${locale}/admin/catalog`);
}

export type PlanSaleState = FormState<"salePrice" | "startsAt" | "endsAt"> & { saved?: boolean };

export const putPlanOnSaleAction = staffAction(
  {
    capability: "catalog",
    name: "plan.sale",
    schema: planSaleSchema,
    echo: ["salePrice", "startsAt", "endsAt"],
    identifiers: ["planId"],
  },
  async (input, { staff, locale }): Promise<ActionReply<PlanSaleState>> => {
    const result = await putPlanOnSale(staff, input);
    switch (result.status) {
      case "not_found":
        notFound();
      case "sale_not_below_price":
        return { fieldErrors: { salePrice: ["sale_not_below_price"] } };
      case "end_in_past":
        return { fieldErrors: { endsAt: ["window_end_in_past"] } };
      case "changed":
        catalogChanged(locale);
        return { saved: true };
    }
  },
);

type PlanChangeRefusal = "no_sale" | "already_withdrawn" | "already_listed";
export type PlanChangeState = FormState<never, PlanChangeRefusal>;
type PlanChange = (
  staff: StaffMember,
  planId: string,
) => Promise<{ status: "changed" | "not_found" | PlanChangeRefusal }>;

// The buttons of a plan's row: each a plain form whose refusal (a stale page) shows as the page
// reloaded, since the state they would change is already the one shown.
function planChange(name: string, change: PlanChange) {
  return staffAction(
    { capability: "catalog", name, schema: planIdSchema, identifiers: ["planId"] },
    async ({ planId }, { staff, locale }): Promise<ActionReply<PlanChangeState>> => {
      const result = await change(staff, planId);
      if (result.status === "not_found") notFound();
      if (result.status !== "changed") return { formError: result.status };
      catalogChanged(locale);
      return {};
    },
  );
}

export const endPlanSaleAction = planChange("plan.sale_end", endPlanSale);
export const withdrawPlanAction = planChange("plan.withdraw", withdrawPlan);
export const restorePlanAction = planChange("plan.restore", restorePlan);
