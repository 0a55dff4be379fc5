import "server-only";
import type { Plan, Prisma } from "@prisma/client";
import { db } from "../db/client";
import type { PlanSaleInput } from "../validation/admin-promotions";
import { recordAudit, recordRefusal } from "./audit";
import type { StaffMember } from "./guard";

const listSelect = {
  id: true,
  slug: true,
  kind: true,
  dataMb: true,
  days: true,
  priceAmount: true,
  currency: true,
  active: true,
  availableFrom: true,
  availableUntil: true,
  salePriceAmount: true,
  saleStartsAt: true,
  saleEndsAt: true,
  carrier: { select: { name: true } },
} satisfies Prisma.PlanSelect;

export type CatalogRow = Prisma.PlanGetPayload<{ select: typeof listSelect }>;

// Every plan, withdrawn ones included, in the shop's order.
export function listCatalog(): Promise<CatalogRow[]> {
  return db.plan.findMany({
    select: listSelect,
    orderBy: [{ carrier: { sortOrder: "asc" } }, { sortOrder: "asc" }],
  });
}

export function catalogPlan(id: string): Promise<CatalogRow | null> {
  return db.plan.findUnique({ where: { id }, select: listSelect });
}

export type SaleState = "none" | "scheduled" | "running" | "ended";

export function saleState(plan: Pick<Plan, "salePriceAmount" | "saleStartsAt" | "saleEndsAt">, now: Date): SaleState {
  if (plan.salePriceAmount == null || !plan.saleStartsAt || !plan.saleEndsAt) return "none";
  if (now >= plan.saleEndsAt) return "ended";
  return now < plan.saleStartsAt ? "scheduled" : "running";
}

function snapshot(plan: Pick<Plan, "active" | "salePriceAmount" | "saleStartsAt" | "saleEndsAt">) {
  return {
    active: plan.active,
    salePriceAmount: plan.salePriceAmount,
    saleStartsAt: plan.saleStartsAt?.toISOString() ?? null,
    saleEndsAt: plan.saleEndsAt?.toISOString() ?? null,
  };
}

type Change = Pick<Prisma.PlanUpdateInput, "active" | "salePriceAmount" | "saleStartsAt" | "saleEndsAt">;

// One change to a plan under its row lock, audited with the plan before and after, or refused
// (and the attempt audited) when `refusal` finds the plan's state does not allow it.
async function changePlan<Refusal extends string>(
  staff: StaffMember,
  planId: string,
  action: string,
  refusal: (plan: Plan) => Refusal | null,
  change: Change,
): Promise<{ status: "changed" | "not_found" | Refusal }> {
  const outcome = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM plans WHERE id = ${planId} FOR UPDATE`;
    const plan = await tx.plan.findUnique({ where: { id: planId } });
    if (!plan) return { status: "not_found" as const };
    const refused = refusal(plan);
    if (refused) return { status: refused, before: snapshot(plan) };
    const updated = await tx.plan.update({ where: { id: planId }, data: change });
    await recordAudit(tx, staff, {
      action,
      targetType: "plan",
      targetId: planId,
      before: snapshot(plan),
      after: snapshot(updated),
    });
    return { status: "changed" as const };
  });
  if ("before" in outcome) {
    await recordRefusal(staff, {
      action,
      targetType: "plan",
      targetId: planId,
      before: outcome.before,
      after: { refusal: outcome.status },
    });
  }
  return { status: outcome.status };
}

// The plan sells at this price between the two instants, on its cards and at checkout; one
// sale per plan, so a new one replaces the last.
export function putPlanOnSale(
  staff: StaffMember,
  { planId, salePrice, startsAt, endsAt }: PlanSaleInput,
  now = new Date(),
) {
  return changePlan(
    staff,
    planId,
    "plan.sale",
    (plan) => {
      if (salePrice >= plan.priceAmount) return "sale_not_below_price";
      return endsAt <= now ? "end_in_past" : null;
    },
    { salePriceAmount: salePrice, saleStartsAt: startsAt, saleEndsAt: endsAt },
  );
}

export function endPlanSale(staff: StaffMember, planId: string) {
  return changePlan(staff, planId, "plan.sale_end", (plan) => (plan.salePriceAmount == null ? "no_sale" : null), {
    salePriceAmount: null,
    saleStartsAt: null,
    saleEndsAt: null,
  });
}

// A withdrawn plan is no longer listed or sold; eSIMs bought on it keep working and take top-ups,
// which are sold for the eSIM's carrier, not for the plan.
export function withdrawPlan(staff: StaffMember, planId: string) {
  return changePlan(staff, planId, "plan.withdraw", (plan) => (plan.active ? null : "already_withdrawn"), {
    active: false,
  });
}

export function restorePlan(staff: StaffMember, planId: string) {
  return changePlan(staff, planId, "plan.restore", (plan) => (plan.active ? "already_listed" : null), {
    active: true,
  });
}
