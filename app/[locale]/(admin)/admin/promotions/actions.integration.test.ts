import { randomUUID } from "node:crypto";
import type { Role } from "@prisma/client";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { startCheckout } from "@/lib/orders/checkout";
import { newBuyer, openCheckout } from "@/lib/testing/shop";
import { newAccount, signInAs, type TestAccount } from "@/lib/testing/staff";
import { jstLocal } from "@/lib/time/jst";
import { createPromotionAction, editPromotionAction, endPromotionAction } from "./actions";

vi.mock("@/lib/auth/auth", async () => (await import("@/lib/testing/staff")).mockedAuth);
vi.mock("next/navigation", async () => (await import("@/lib/testing/staff")).mockedNavigation);
vi.mock("@/lib/i18n/navigation", async () => (await import("@/lib/testing/staff")).mockedNavigation);
vi.mock("next-intl/server", () => ({ getLocale: async () => "en" }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "10.1.2.3" }) }));
const cache = vi.hoisted(() => ({ updateTag: vi.fn(), revalidatePath: vi.fn() }));
vi.mock("next/cache", () => cache);

const HOUR = 60 * 60 * 1000;
const EMPTY = { values: {}, fieldErrors: {} };

function form(fields: Record<string, string | string[] | undefined>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    for (const one of [value ?? []].flat()) data.append(key, one);
  }
  return data;
}

// Japan time as the form's inputs take it, this many hours from now.
const jstIn = (hours: number) => jstLocal(new Date(Date.now() + hours * HOUR));
const newCode = () => `ADM${randomUUID().slice(0, 8).toUpperCase()}`;

async function planId(slug: string) {
  return (await db.plan.findUniqueOrThrow({ where: { slug } })).id;
}

async function promotion({ startsInHours = -1, endsInHours = 24, maxRedemptions = null as number | null } = {}) {
  const code = newCode();
  return db.promotion.create({
    data: {
      slug: code.toLowerCase(),
      kind: "CODE",
      code,
      percentOff: 10,
      maxRedemptions,
      startsAt: new Date(Date.now() + startsInHours * HOUR),
      endsAt: new Date(Date.now() + endsInHours * HOUR),
    },
  });
}

const auditOf = (action: string, targetId?: string) =>
  db.auditEntry.findMany({ where: { action, ...(targetId ? { targetId } : {}) }, orderBy: { createdAt: "asc" } });

type Caller = "customer" | "support" | "admin" | "admin without second factor" | "signed out";
const CALLERS: { caller: Caller; allowed: boolean }[] = [
  { caller: "customer", allowed: false },
  { caller: "support", allowed: false },
  { caller: "admin", allowed: true },
  { caller: "admin without second factor", allowed: false },
  { caller: "signed out", allowed: false },
];

async function signIn(caller: Caller): Promise<TestAccount | null> {
  if (caller === "signed out") {
    await signInAs(null);
    return null;
  }
  const role: Role = caller === "customer" ? "CUSTOMER" : caller === "support" ? "SUPPORT" : "ADMIN";
  const account = await newAccount(role);
  await signInAs(account, { secondFactor: caller !== "admin without second factor" });
  return account;
}

const asAdmin = () => signIn("admin");

beforeEach(() => {
  cache.updateTag.mockClear();
});

describe("who may change promotions", () => {
  it.each(CALLERS)("creating a code: $caller → allowed $allowed", async ({ caller, allowed }) => {
    await signIn(caller);
    const code = newCode();
    const call = createPromotionAction(
      EMPTY,
      form({ code, kind: "percent", value: "20", startsAt: jstIn(-1), endsAt: jstIn(24), scope: "all" }),
    );
    if (!allowed) {
      await expect(call).rejects.toThrow("NEXT_NOT_FOUND");
      expect(await db.promotion.count({ where: { code } })).toBe(0);
      return;
    }
    const state = await call;
    expect(state.created?.code).toBe(code);
    const created = await db.promotion.findUniqueOrThrow({ where: { code } });
    expect(created).toMatchObject({ kind: "CODE", percentOff: 20, amountOff: null, maxRedemptions: null });
    const [entry] = await auditOf("promotion.create", created.id);
    expect(entry?.after).toMatchObject({ code, percentOff: 20, planIds: [] });
    expect(cache.updateTag).toHaveBeenCalledWith("catalog");
  });

  it.each(CALLERS)("editing a window and limit: $caller → allowed $allowed", async ({ caller, allowed }) => {
    const before = await promotion();
    await signIn(caller);
    const endsAt = jstIn(48);
    const call = editPromotionAction(
      EMPTY,
      form({ promotionId: before.id, startsAt: jstIn(-2), endsAt, maxRedemptions: "50" }),
    );
    if (!allowed) {
      await expect(call).rejects.toThrow("NEXT_NOT_FOUND");
      expect(await db.promotion.findUniqueOrThrow({ where: { id: before.id } })).toEqual(before);
      expect(await auditOf("promotion.edit", before.id)).toEqual([]);
      return;
    }
    expect((await call).saved).toBe(true);
    const after = await db.promotion.findUniqueOrThrow({ where: { id: before.id } });
    expect(after.maxRedemptions).toBe(50);
    expect(jstLocal(after.endsAt)).toBe(endsAt);
    const [entry] = await auditOf("promotion.edit", before.id);
    expect(entry?.before).toMatchObject({ maxRedemptions: null, endsAt: before.endsAt.toISOString() });
    expect(entry?.after).toMatchObject({ maxRedemptions: 50, endsAt: after.endsAt.toISOString() });
  });

  it.each(CALLERS)("ending a code now: $caller → allowed $allowed", async ({ caller, allowed }) => {
    const before = await promotion();
    await signIn(caller);
    const call = endPromotionAction(EMPTY, form({ promotionId: before.id }));
    if (!allowed) {
      await expect(call).rejects.toThrow("NEXT_NOT_FOUND");
      expect(await db.promotion.findUniqueOrThrow({ where: { id: before.id } })).toEqual(before);
      return;
    }
    expect((await call).ended).toBe(true);
    const after = await db.promotion.findUniqueOrThrow({ where: { id: before.id } });
    expect(after.endsAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(await auditOf("promotion.end", before.id)).toHaveLength(1);
  });

  it("answers a promotion that does not exist, or a forged id, with a 404", async () => {
    await asAdmin();
    await expect(endPromotionAction(EMPTY, form({ promotionId: "c".repeat(25) }))).rejects.toThrow("NEXT_NOT_FOUND");
    await expect(endPromotionAction(EMPTY, form({ promotionId: "../x" }))).rejects.toThrow("NEXT_NOT_FOUND");
  });
});

describe("creating a code", () => {
  const valid = { kind: "amount", value: "300", startsAt: jstIn(-1), endsAt: jstIn(24), scope: "all" };

  it.each([
    { refused: "a malformed code", fields: { code: "no spaces!" }, error: { code: ["promo_code_format"] } },
    { refused: "a code too short", fields: { code: "AB" }, error: { code: ["promo_code_format"] } },
    {
      refused: "a percent over 100",
      fields: { kind: "percent", value: "120" },
      error: { value: ["promo_value_invalid"] },
    },
    { refused: "a zero amount", fields: { value: "0" }, error: { value: ["promo_value_invalid"] } },
    {
      refused: "an end before the start",
      fields: { endsAt: jstIn(-2) },
      error: { endsAt: ["window_end_before_start"] },
    },
    { refused: "an unreadable start", fields: { startsAt: "tomorrow" }, error: { startsAt: ["window_start_invalid"] } },
    { refused: "a limit of zero", fields: { maxRedemptions: "0" }, error: { maxRedemptions: ["promo_limit_invalid"] } },
  ])("refuses $refused next to its field", async ({ fields, error }) => {
    await asAdmin();
    const code = newCode();
    const state = await createPromotionAction(EMPTY, form({ ...valid, code, ...fields }));
    expect(state.fieldErrors).toEqual(error);
    expect(await db.promotion.count({ where: { code: { in: [code, String(fields.code)] } } })).toBe(0);
  });

  it("refuses a code already taken, whatever its case, and writes the attempt to the audit log", async () => {
    const admin = await asAdmin();
    const state = await createPromotionAction(EMPTY, form({ ...valid, code: "welcome10" }));
    expect(state.fieldErrors).toEqual({ code: ["promo_code_taken"] });
    const refusals = await db.auditEntry.findMany({ where: { action: "promotion.create", actorId: admin!.id } });
    expect(refusals.map((entry) => entry.after)).toEqual([{ code: "WELCOME10", refusal: "code_taken" }]);
  });

  it("refuses an end already past, and a choice of plans that names none", async () => {
    const admin = await asAdmin();
    const code = newCode();
    expect(
      (await createPromotionAction(EMPTY, form({ ...valid, code, startsAt: jstIn(-48), endsAt: jstIn(-24) })))
        .fieldErrors,
    ).toEqual({ endsAt: ["window_end_in_past"] });
    expect((await createPromotionAction(EMPTY, form({ ...valid, code, scope: "some" }))).fieldErrors).toEqual({
      planIds: ["promo_plans_required"],
    });
    expect(
      (await createPromotionAction(EMPTY, form({ ...valid, code, scope: "some", planIds: "c".repeat(25) })))
        .fieldErrors,
    ).toEqual({ planIds: ["promo_plans_unknown"] });
    expect(await db.promotion.count({ where: { code } })).toBe(0);
    expect(await db.auditEntry.count({ where: { action: "promotion.create", actorId: admin!.id } })).toBe(3);
  });

  it("refuses a plan id of the wrong shape before anything is looked up, and keeps the ticked plans", async () => {
    const admin = await asAdmin();
    const code = newCode();
    const ticked = [await planId("au-1gb-3d"), "../../plans"];
    const state = await createPromotionAction(EMPTY, form({ ...valid, code, scope: "some", planIds: ticked }));
    expect(state.fieldErrors).toEqual({ planIds: ["promo_plans_unknown"] });
    expect(state.values.planIds).toEqual(ticked);
    expect(await db.promotion.count({ where: { code } })).toBe(0);
    expect(await db.auditEntry.count({ where: { action: "promotion.create", actorId: admin!.id } })).toBe(0);
  });

  it("applies at checkout at once, to its plans only", async () => {
    await asAdmin();
    const code = newCode();
    const plans = [await planId("au-1gb-3d"), await planId("docomo-3gb-7d")];
    const state = await createPromotionAction(
      EMPTY,
      form({ ...valid, code: code.toLowerCase(), scope: "some", planIds: plans, maxRedemptions: "5" }),
    );
    expect(state.created?.code).toBe(code);

    const { order } = await openCheckout({ planSlug: "au-1gb-3d", promoCode: code });
    expect(order.discountAmount).toBe(300);
    expect(order.totalAmount).toBe(order.subtotalAmount - 300);
    const other = await startCheckout(
      await newBuyer(),
      { planSlug: "softbank-2gb-5d", quantity: 1, promoCode: code },
      { locale: "en" },
    );
    expect(other.status).toBe("code_not_applicable");
  });

  it("applies only within its window", async () => {
    await asAdmin();
    const code = newCode();
    await createPromotionAction(EMPTY, form({ ...valid, code, startsAt: jstIn(2), endsAt: jstIn(24) }));
    const buyer = await newBuyer();
    const early = await startCheckout(buyer, { planSlug: "au-1gb-3d", quantity: 1, promoCode: code }, { locale: "en" });
    expect(early.status).toBe("code_not_started");
  });
});

describe("editing a code", () => {
  it.each([
    {
      refused: "an end already past",
      fields: { startsAt: jstIn(-48), endsAt: jstIn(-1) },
      error: { endsAt: ["window_end_in_past"] },
    },
    {
      refused: "an end before the start",
      fields: { startsAt: jstIn(5), endsAt: jstIn(3) },
      error: { endsAt: ["window_end_before_start"] },
    },
    {
      refused: "a limit below its redemptions",
      fields: { maxRedemptions: "2" },
      error: { maxRedemptions: ["promo_limit_below_redemptions"] },
    },
  ])("refuses $refused, audits the attempt and changes nothing", async ({ fields, error }) => {
    const admin = await asAdmin();
    const before = await promotion({ maxRedemptions: 10 });
    await db.promotion.update({ where: { id: before.id }, data: { redemptionCount: 3 } });
    const state = await editPromotionAction(
      EMPTY,
      form({ promotionId: before.id, startsAt: jstIn(-1), endsAt: jstIn(24), maxRedemptions: "10", ...fields }),
    );
    expect(state.fieldErrors).toEqual(error);
    expect(await db.promotion.findUniqueOrThrow({ where: { id: before.id } })).toEqual({
      ...before,
      redemptionCount: 3,
    });
    const entries = await auditOf("promotion.edit", before.id);
    // A refusal zod already gives in the browser is not an attempt at the promotion.
    if (error.endsAt?.[0] === "window_end_before_start") expect(entries).toEqual([]);
    else expect(entries).toMatchObject([{ actorId: admin!.id, after: { refusal: expect.any(String) } }]);
  });

  it("refuses to edit an expired code into the past", async () => {
    await asAdmin();
    const expired = await promotion({ startsInHours: -72, endsInHours: -24 });
    const state = await editPromotionAction(
      EMPTY,
      form({ promotionId: expired.id, startsAt: jstIn(-72), endsAt: jstIn(-12), maxRedemptions: "" }),
    );
    expect(state.fieldErrors).toEqual({ endsAt: ["window_end_in_past"] });
    expect(await db.promotion.findUniqueOrThrow({ where: { id: expired.id } })).toEqual(expired);
  });

  it("lets a limit rise or go, and the checkout follows", async () => {
    await asAdmin();
    const used = await promotion({ maxRedemptions: 1 });
    await db.promotion.update({ where: { id: used.id }, data: { redemptionCount: 1 } });
    const refused = await startCheckout(
      await newBuyer(),
      { planSlug: "au-1gb-3d", quantity: 1, promoCode: used.code! },
      { locale: "en" },
    );
    expect(refused.status).toBe("code_used_up");
    await editPromotionAction(
      EMPTY,
      form({ promotionId: used.id, startsAt: jstIn(-1), endsAt: jstIn(24), maxRedemptions: "" }),
    );
    const { order } = await openCheckout({ promoCode: used.code! });
    expect(order.promotionId).toBe(used.id);
  });
});

describe("ending a code now", () => {
  it("stops the checkout taking it, and cannot end it twice", async () => {
    const admin = await asAdmin();
    const running = await promotion();
    await openCheckout({ promoCode: running.code! });
    expect((await endPromotionAction(EMPTY, form({ promotionId: running.id }))).ended).toBe(true);
    const after = await startCheckout(
      await newBuyer(),
      { planSlug: "au-1gb-3d", quantity: 1, promoCode: running.code! },
      { locale: "en" },
    );
    expect(after.status).toBe("code_expired");

    expect((await endPromotionAction(EMPTY, form({ promotionId: running.id }))).formError).toBe("already_ended");
    expect(await auditOf("promotion.end", running.id)).toMatchObject([
      { actorId: admin!.id, after: { active: true } },
      { actorId: admin!.id, after: { refusal: "already_ended" } },
    ]);
  });

  it("ends a scheduled code before it starts", async () => {
    await asAdmin();
    const scheduled = await promotion({ startsInHours: 24, endsInHours: 48 });
    await endPromotionAction(EMPTY, form({ promotionId: scheduled.id }));
    const after = await db.promotion.findUniqueOrThrow({ where: { id: scheduled.id } });
    expect(after.startsAt.getTime()).toBe(after.endsAt.getTime());
    expect(after.endsAt.getTime()).toBeLessThanOrEqual(Date.now());
  });
});
