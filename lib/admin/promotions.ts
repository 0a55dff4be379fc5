import "server-only";
import type { Prisma, Promotion } from "@prisma/client";
import { db } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { orderReference } from "../orders/order-emails";
import type { CreatePromotionInput, EditPromotionInput } from "../validation/admin-promotions";
import { recordAudit, recordRefusal } from "./audit";
import type { StaffMember } from "./guard";

export type PromotionState = "scheduled" | "active" | "ended";

export function promotionState(
  promotion: Pick<Promotion, "active" | "startsAt" | "endsAt">,
  now: Date,
): PromotionState {
  if (!promotion.active || now >= promotion.endsAt) return "ended";
  return now < promotion.startsAt ? "scheduled" : "active";
}

const listSelect = {
  id: true,
  slug: true,
  kind: true,
  code: true,
  percentOff: true,
  amountOff: true,
  currency: true,
  carrierCode: true,
  startsAt: true,
  endsAt: true,
  maxRedemptions: true,
  redemptionCount: true,
  active: true,
  plans: { select: { plan: { select: { id: true, slug: true } } }, orderBy: { plan: { sortOrder: "asc" } } },
} satisfies Prisma.PromotionSelect;

export type PromotionRow = Prisma.PromotionGetPayload<{ select: typeof listSelect }>;

// Every promotion the shop has run or will run, newest first: codes, sales and bundles alike.
export function listPromotions(): Promise<PromotionRow[]> {
  return db.promotion.findMany({ select: listSelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
}

export async function promotionWithRedemptions(id: string) {
  const promotion = await db.promotion.findUnique({
    where: { id },
    select: {
      ...listSelect,
      redemptions: {
        orderBy: { createdAt: "desc" },
        take: 200,
        select: {
          createdAt: true,
          user: { select: { email: true, name: true } },
          order: { select: { id: true, totalAmount: true, discountAmount: true, currency: true } },
        },
      },
    },
  });
  if (!promotion) return null;
  const redemptions = promotion.redemptions.map(({ order, ...redemption }) => ({
    ...redemption,
    reference: orderReference(order.id),
    totalAmount: order.totalAmount,
    discountAmount: order.discountAmount,
    currency: order.currency,
  }));
  return { ...promotion, redemptions };
}

// What an audit entry records of a promotion, before and after a change.
function snapshot(promotion: Pick<Promotion, "startsAt" | "endsAt" | "maxRedemptions" | "active">) {
  return {
    startsAt: promotion.startsAt.toISOString(),
    endsAt: promotion.endsAt.toISOString(),
    maxRedemptions: promotion.maxRedemptions,
    active: promotion.active,
  };
}

export type CreatePromotionResult =
  { status: "created"; id: string } | { status: "code_taken" | "end_in_past" | "plans_required" | "plans_unknown" };

// A code for the checkout, for every plan or for the listed ones. The checkout reads codes
// from the database on each quote, so it is honoured from the moment it is written.
export async function createPromotion(
  staff: StaffMember,
  input: CreatePromotionInput,
  now = new Date(),
): Promise<CreatePromotionResult> {
  const planIds = input.scope === "all" ? [] : [...new Set(input.planIds)];
  const refusal = await (async () => {
    if (input.endsAt <= now) return "end_in_past" as const;
    if (input.scope === "some" && planIds.length === 0) return "plans_required" as const;
    if ((await db.plan.count({ where: { id: { in: planIds } } })) !== planIds.length) return "plans_unknown" as const;
    return null;
  })();
  if (refusal) {
    await recordRefusal(staff, {
      action: "promotion.create",
      targetType: "promotion",
      after: { code: input.code, refusal },
    });
    return { status: refusal };
  }
  const data = {
    slug: `code-${input.code.toLowerCase()}`,
    kind: "CODE",
    code: input.code,
    percentOff: input.kind === "percent" ? input.value : null,
    amountOff: input.kind === "amount" ? input.value : null,
    currency: input.kind === "amount" ? "JPY" : null,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    maxRedemptions: input.maxRedemptions,
  } satisfies Prisma.PromotionCreateInput;
  try {
    const created = await db.$transaction(async (tx) => {
      const promotion = await tx.promotion.create({
        data: { ...data, plans: { create: planIds.map((planId) => ({ planId })) } },
      });
      await recordAudit(tx, staff, {
        action: "promotion.create",
        targetType: "promotion",
        targetId: promotion.id,
        after: { ...data, startsAt: data.startsAt.toISOString(), endsAt: data.endsAt.toISOString(), planIds },
      });
      return promotion;
    });
    return { status: "created", id: created.id };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    await recordRefusal(staff, {
      action: "promotion.create",
      targetType: "promotion",
      after: { code: input.code, refusal: "code_taken" },
    });
    return { status: "code_taken" };
  }
}

export type EditPromotionResult =
  { status: "updated" } | { status: "not_found" | "end_in_past" | "limit_below_redemptions"; redemptionCount?: number };

// Locked as the checkout locks it, so a limit is compared with the redemptions as they stand
// and no checkout counts against the old limit while it changes.
async function lockedPromotion(tx: Prisma.TransactionClient, id: string) {
  await tx.$queryRaw`SELECT id FROM promotions WHERE id = ${id} FOR UPDATE`;
  return tx.promotion.findUnique({ where: { id } });
}

export async function editPromotion(
  staff: StaffMember,
  { promotionId, startsAt, endsAt, maxRedemptions }: EditPromotionInput,
  now = new Date(),
): Promise<EditPromotionResult> {
  const outcome = await db.$transaction(async (tx) => {
    const promotion = await lockedPromotion(tx, promotionId);
    if (!promotion) return { status: "not_found" as const };
    const before = snapshot(promotion);
    // An end already passed would make the change an ending; "end now" is the way to do that.
    if (endsAt <= now) return { status: "end_in_past" as const, before };
    if (maxRedemptions !== null && maxRedemptions < promotion.redemptionCount) {
      return { status: "limit_below_redemptions" as const, before, redemptionCount: promotion.redemptionCount };
    }
    const updated = await tx.promotion.update({
      where: { id: promotionId },
      data: { startsAt, endsAt, maxRedemptions },
    });
    await recordAudit(tx, staff, {
      action: "promotion.edit",
      targetType: "promotion",
      targetId: promotionId,
      before,
      after: snapshot(updated),
    });
    return { status: "updated" as const };
  });
  if (outcome.status === "end_in_past" || outcome.status === "limit_below_redemptions") {
    await recordRefusal(staff, {
      action: "promotion.edit",
      targetType: "promotion",
      targetId: promotionId,
      before: outcome.before,
      after: {
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        maxRedemptions,
        refusal: outcome.status,
      },
    });
    return { status: outcome.status, redemptionCount: outcome.redemptionCount };
  }
  return { status: outcome.status };
}

export type EndPromotionResult = { status: "ended" | "not_found" | "already_ended" };

// Ends the window now: checkouts opened from here on are refused the code (or the sale), and
// the entry keeps when it ran.
export async function endPromotionNow(staff: StaffMember, promotionId: string, now = new Date()) {
  const outcome = await db.$transaction(async (tx): Promise<EndPromotionResult> => {
    const promotion = await lockedPromotion(tx, promotionId);
    if (!promotion) return { status: "not_found" };
    if (promotionState(promotion, now) === "ended") return { status: "already_ended" };
    const updated = await tx.promotion.update({
      where: { id: promotionId },
      data: { endsAt: now, startsAt: promotion.startsAt > now ? now : promotion.startsAt },
    });
    await recordAudit(tx, staff, {
      action: "promotion.end",
      targetType: "promotion",
      targetId: promotionId,
      before: snapshot(promotion),
      after: snapshot(updated),
    });
    return { status: "ended" };
  });
  if (outcome.status === "already_ended") {
    await recordRefusal(staff, {
      action: "promotion.end",
      targetType: "promotion",
      targetId: promotionId,
      after: { refusal: "already_ended" },
    });
  }
  return outcome;
}
