import { randomUUID } from "node:crypto";
import type { Role } from "@prisma/client";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { startCheckout } from "@/lib/orders/checkout";
import { fulfilCheckout } from "@/lib/orders/fulfilment";
import { activeEsim, newBuyer, openCheckout, paidTopUpWithoutDelivery } from "@/lib/testing/shop";
import { newAccount, signInAs, type TestAccount } from "@/lib/testing/staff";
import { jstLocal } from "@/lib/time/jst";
import { endPlanSaleAction, putPlanOnSaleAction, restorePlanAction, withdrawPlanAction } from "./actions";

vi.mock("@/lib/auth/auth", async () => (await import("@/lib/testing/staff")).mockedAuth);
vi.mock("next/navigation", async () => (await import("@/lib/testing/staff")).mockedNavigation);
vi.mock("@/lib/i18n/navigation", async () => (await import("@/lib/testing/staff")).mockedNavigation);
vi.mock("next-intl/server", () => ({ getLocale: async () => "en" }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "10.1.2.3" }) }));
const cache = vi.hoisted(() => ({ updateTag: vi.fn(), revalidatePath: vi.fn() }));
vi.mock("next/cache", () => cache);

const HOUR = 60 * 60 * 1000;
const EMPTY = { values: {}, fieldErrors: {} };

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

const jstIn = (hours: number) => jstLocal(new Date(Date.now() + hours * HOUR));

// A plan of its own, so the seeded catalog other tests read stays as it is.
function newPlan(priceAmount = 2000) {
  return db.plan.create({
    data: {
      slug: `test-plan-${randomUUID().slice(0, 8)}`,
      carrierCode: "KDDI_AU",
      kind: "DATA_PACK",
      dataMb: 1024,
      days: 3,
      priceAmount,
    },
  });
}

const auditOf = (action: string, targetId: string) =>
  db.auditEntry.findMany({ where: { action, targetId }, orderBy: { createdAt: "asc" } });

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

beforeEach(() => {
  cache.updateTag.mockClear();
});

const ACTIONS = [
  {
    action: "putting a plan on sale",
    name: "plan.sale",
    call: (planId: string) =>
      putPlanOnSaleAction(EMPTY, form({ planId, salePrice: "1500", startsAt: jstIn(-1), endsAt: jstIn(24) })),
    setUp: async () => newPlan(),
  },
  {
    action: "ending a plan's sale",
    name: "plan.sale_end",
    call: (planId: string) => endPlanSaleAction(EMPTY, form({ planId })),
    setUp: async () => {
      const plan = await newPlan();
      return db.plan.update({
        where: { id: plan.id },
        data: {
          salePriceAmount: 1500,
          saleStartsAt: new Date(Date.now() - HOUR),
          saleEndsAt: new Date(Date.now() + HOUR),
        },
      });
    },
  },
  {
    action: "withdrawing a plan",
    name: "plan.withdraw",
    call: (planId: string) => withdrawPlanAction(EMPTY, form({ planId })),
    setUp: async () => newPlan(),
  },
  {
    action: "putting a plan back",
    name: "plan.restore",
    call: (planId: string) => restorePlanAction(EMPTY, form({ planId })),
    setUp: async () => db.plan.update({ where: { id: (await newPlan()).id }, data: { active: false } }),
  },
];

describe.each(ACTIONS)("who may be $action", ({ name, call, setUp }) => {
  it.each(CALLERS)("$caller → allowed $allowed", async ({ caller, allowed }) => {
    const before = await setUp();
    await signIn(caller);
    if (!allowed) {
      await expect(call(before.id)).rejects.toThrow("NEXT_NOT_FOUND");
      expect(await db.plan.findUniqueOrThrow({ where: { id: before.id } })).toEqual(before);
      expect(await auditOf(name, before.id)).toEqual([]);
      expect(cache.updateTag).not.toHaveBeenCalled();
      return;
    }
    expect((await call(before.id)).formError).toBeUndefined();
    const after = await db.plan.findUniqueOrThrow({ where: { id: before.id } });
    expect(after).not.toEqual(before);
    const [entry] = await auditOf(name, before.id);
    expect(entry?.before).toMatchObject({ active: before.active, salePriceAmount: before.salePriceAmount });
    expect(entry?.after).toMatchObject({ active: after.active, salePriceAmount: after.salePriceAmount });
    // The catalog pages read through the data cache, expired by this tag.
    expect(cache.updateTag).toHaveBeenCalledWith("catalog");
  });

  it("answers a plan that does not exist, or a forged id, with a 404", async () => {
    await signIn("admin");
    await expect(call("c".repeat(25))).rejects.toThrow("NEXT_NOT_FOUND");
    await expect(call("../plans")).rejects.toThrow("NEXT_NOT_FOUND");
  });
});

describe("a plan's sale", () => {
  const checkoutOf = async (slug: string) => (await openCheckout({ planSlug: slug })).order;

  it.each([
    {
      refused: "a price not below the list price",
      fields: { salePrice: "2000" },
      error: { salePrice: ["sale_not_below_price"] },
    },
    { refused: "a price of zero", fields: { salePrice: "0" }, error: { salePrice: ["sale_price_invalid"] } },
    {
      refused: "an end already past",
      fields: { startsAt: jstIn(-5), endsAt: jstIn(-1) },
      error: { endsAt: ["window_end_in_past"] },
    },
    {
      refused: "an end before the start",
      fields: { startsAt: jstIn(5), endsAt: jstIn(1) },
      error: { endsAt: ["window_end_before_start"] },
    },
  ])("refuses $refused and changes nothing", async ({ fields, error }) => {
    const plan = await newPlan(2000);
    await signIn("admin");
    const state = await putPlanOnSaleAction(
      EMPTY,
      form({ planId: plan.id, salePrice: "1500", startsAt: jstIn(-1), endsAt: jstIn(24), ...fields }),
    );
    expect(state.fieldErrors).toEqual(error);
    expect(await db.plan.findUniqueOrThrow({ where: { id: plan.id } })).toEqual(plan);
  });

  it("is charged at checkout while its window runs, and not before", async () => {
    const running = await newPlan(2000);
    const later = await newPlan(2000);
    await signIn("admin");
    await putPlanOnSaleAction(
      EMPTY,
      form({ planId: running.id, salePrice: "1500", startsAt: jstIn(-1), endsAt: jstIn(2) }),
    );
    await putPlanOnSaleAction(
      EMPTY,
      form({ planId: later.id, salePrice: "1500", startsAt: jstIn(1), endsAt: jstIn(2) }),
    );

    expect(await checkoutOf(running.slug)).toMatchObject({ unitAmount: 1500, totalAmount: 1500 });
    expect(await checkoutOf(later.slug)).toMatchObject({ unitAmount: 2000, totalAmount: 2000 });

    // The window has closed since (the console refuses to set one in the past).
    await db.plan.update({
      where: { id: running.id },
      data: { saleStartsAt: new Date(Date.now() - 3 * HOUR), saleEndsAt: new Date(Date.now() - HOUR) },
    });
    expect(await checkoutOf(running.slug)).toMatchObject({ unitAmount: 2000, totalAmount: 2000 });
  });

  it("ends when ended, and cannot be ended twice", async () => {
    const plan = await newPlan(2000);
    await signIn("admin");
    await putPlanOnSaleAction(
      EMPTY,
      form({ planId: plan.id, salePrice: "1200", startsAt: jstIn(-1), endsAt: jstIn(2) }),
    );
    expect((await endPlanSaleAction(EMPTY, form({ planId: plan.id }))).formError).toBeUndefined();
    expect(await checkoutOf(plan.slug)).toMatchObject({ unitAmount: 2000 });
    expect((await endPlanSaleAction(EMPTY, form({ planId: plan.id }))).formError).toBe("no_sale");
    expect(await auditOf("plan.sale_end", plan.id)).toMatchObject([{}, { after: { refusal: "no_sale" } }]);
  });
});

describe("withdrawing a plan", () => {
  it("stops it being bought, while an eSIM already bought on it still tops up; putting it back sells it again", async () => {
    const plan = await newPlan(2000);
    const { buyer, esim } = await activeEsim(plan.slug);
    await signIn("admin");
    await withdrawPlanAction(EMPTY, form({ planId: plan.id }));

    const refused = await startCheckout(await newBuyer(), { planSlug: plan.slug, quantity: 1 }, { locale: "en" });
    expect(refused.status).toBe("plan_unavailable");

    const { sessionId } = await paidTopUpWithoutDelivery(buyer, esim.id);
    await fulfilCheckout(sessionId);
    const topUp = await db.order.findFirstOrThrow({ where: { paymentSessionId: sessionId } });
    expect(topUp.status).toBe("FULFILLED");

    expect((await withdrawPlanAction(EMPTY, form({ planId: plan.id }))).formError).toBe("already_withdrawn");
    await restorePlanAction(EMPTY, form({ planId: plan.id }));
    expect((await openCheckout({ planSlug: plan.slug })).order.planId).toBe(plan.id);
  });
});
