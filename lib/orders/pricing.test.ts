import { describe, expect, it } from "vitest";
import { type PricedPlan, type PromotionRule, quoteOrder, saleUnitPrice } from "./pricing";

const now = new Date("2026-12-01T03:00:00Z");
const plan: PricedPlan = { id: "plan-docomo", carrierCode: "DOCOMO", priceAmount: 1980, currency: "JPY" };

function promotion(overrides: Partial<PromotionRule>): PromotionRule {
  return {
    id: overrides.slug ?? "promo",
    slug: "promo",
    kind: "CODE",
    code: null,
    percentOff: null,
    amountOff: null,
    currency: null,
    planIds: [],
    carrierCode: null,
    startsAt: new Date("2026-11-01T00:00:00Z"),
    endsAt: new Date("2027-01-01T00:00:00Z"),
    maxRedemptions: null,
    redemptionCount: 0,
    active: true,
    ...overrides,
  };
}

function quote(input: Partial<Parameters<typeof quoteOrder>[0]>) {
  const result = quoteOrder({ plan, quantity: 1, automaticPromotions: [], now, ...input });
  if (result.status !== "priced") throw new Error(result.status);
  return result.quote;
}

describe("quoteOrder", () => {
  it("charges the list price times the quantity with no promotion", () => {
    expect(quote({ quantity: 2 })).toMatchObject({
      subtotalAmount: 3960,
      discountAmount: 0,
      totalAmount: 3960,
      discounts: [],
    });
  });

  it("applies the best running sale to every unit", () => {
    const sales = [
      promotion({ slug: "ten", kind: "SALE", percentOff: 10 }),
      promotion({ slug: "flat", kind: "SALE", amountOff: 300, currency: "JPY" }),
      promotion({ slug: "other-carrier", kind: "SALE", percentOff: 50, carrierCode: "SOFTBANK" }),
      promotion({ slug: "over", kind: "SALE", percentOff: 60, endsAt: now }),
    ];
    expect(quote({ quantity: 2, automaticPromotions: sales })).toMatchObject({
      unitAmount: 1680,
      discounts: [{ slug: "flat", kind: "SALE", amount: 600 }],
      totalAmount: 3360,
    });
  });

  it("makes every second eSIM of a buy-one-get-one plan free", () => {
    const bogo = promotion({ slug: "bogo", kind: "BUY_ONE_GET_ONE", planIds: [plan.id] });
    expect(quote({ quantity: 1, automaticPromotions: [bogo] }).totalAmount).toBe(1980);
    expect(quote({ quantity: 2, automaticPromotions: [bogo] })).toMatchObject({
      totalAmount: 1980,
      discountAmount: 1980,
    });
    expect(quote({ quantity: 3, automaticPromotions: [bogo] }).totalAmount).toBe(3960);
  });

  it("takes a percent code off what is left after automatic discounts", () => {
    const sale = promotion({ slug: "sale", kind: "SALE", percentOff: 10 });
    const code = promotion({ slug: "welcome", code: "WELCOME10", percentOff: 10 });
    const result = quote({ automaticPromotions: [sale], codePromotion: code });
    expect(result.discounts).toEqual([
      { slug: "sale", kind: "SALE", amount: 198 },
      { slug: "welcome", kind: "CODE", amount: 178, code: "WELCOME10" },
    ]);
    expect(result).toMatchObject({ totalAmount: 1604, codePromotionId: "welcome" });
  });

  it("never lets a fixed code take the total below the minimum charge", () => {
    const code = promotion({ code: "BIG", amountOff: 5000, currency: "JPY" });
    expect(quote({ codePromotion: code }).totalAmount).toBe(50);
  });

  it.each([
    ["an unknown code", null, false, "code_unknown"],
    [
      "a code not started yet",
      promotion({ code: "SOON", percentOff: 5, startsAt: new Date("2027-01-01T00:00:00Z") }),
      false,
      "code_not_started",
    ],
    ["an expired code", promotion({ code: "OLD", percentOff: 5, endsAt: now }), false, "code_expired"],
    [
      "a used-up code",
      promotion({ code: "GONE", percentOff: 5, maxRedemptions: 3, redemptionCount: 3 }),
      false,
      "code_used_up",
    ],
    ["a code this user has used", promotion({ code: "ONCE", percentOff: 5 }), true, "code_already_used"],
    [
      "a code for another carrier",
      promotion({ code: "SB", percentOff: 5, carrierCode: "SOFTBANK" }),
      false,
      "code_not_applicable",
    ],
    ["a deactivated code", promotion({ code: "OFF", percentOff: 5, active: false }), false, "code_unknown"],
    ["a sale used as a code", promotion({ kind: "SALE", percentOff: 5 }), false, "code_unknown"],
  ] as const)("refuses %s", (_label, codePromotion, used, problem) => {
    expect(
      quoteOrder({ plan, quantity: 1, automaticPromotions: [], now, codePromotion, codeAlreadyUsedByUser: used }),
    ).toEqual({ status: problem });
  });

  it("refuses a code this user holds with another order that may still be paid", () => {
    const codePromotion = promotion({ code: "HELD", percentOff: 5 });
    expect(
      quoteOrder({ plan, quantity: 1, automaticPromotions: [], now, codePromotion, codeInUseByUser: true }),
    ).toEqual({ status: "code_in_use" });
    // A code already redeemed says so, rather than that it is held.
    expect(
      quoteOrder({
        plan,
        quantity: 1,
        automaticPromotions: [],
        now,
        codePromotion,
        codeAlreadyUsedByUser: true,
        codeInUseByUser: true,
      }),
    ).toEqual({ status: "code_already_used" });
  });
});

describe("saleUnitPrice", () => {
  it("is the list price when no sale runs", () => {
    expect(saleUnitPrice(plan, [], now)).toEqual({ unitAmount: 1980, sale: null });
  });
});
