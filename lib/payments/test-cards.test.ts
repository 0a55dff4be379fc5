import { describe, expect, it } from "vitest";
import { cardSchema } from "../validation/card";
import { asDisputeBehaviour, TEST_CARDS, testCardOutcome } from "./test-cards";

describe("testCardOutcome", () => {
  it.each([
    ["4242424242424242", { kind: "succeeded" }],
    ["4000000000000002", { kind: "declined", code: "generic_decline" }],
    ["4000000000009995", { kind: "declined", code: "insufficient_funds" }],
    ["4000000000000069", { kind: "declined", code: "expired_card" }],
    ["4000000000000127", { kind: "declined", code: "incorrect_cvc" }],
    ["4000000000000119", { kind: "declined", code: "processing_error" }],
    ["4000002760003184", { kind: "requires_authentication" }],
    ["4000000000007726", { kind: "succeeded", refund: "pending_then_succeeded" }],
    ["4000000000005126", { kind: "succeeded", refund: "succeeded_then_failed" }],
    ["4000000000000259", { kind: "succeeded", dispute: "fraudulent" }],
    ["4000000000002685", { kind: "succeeded", dispute: "product_not_received" }],
    ["4000000000001976", { kind: "succeeded", dispute: "inquiry" }],
    ["4012888888881881", { kind: "declined", code: "test_mode_live_card" }],
  ])("%s → %j", (number, outcome) => {
    expect(testCardOutcome(number)).toEqual(outcome);
  });

  it("lists the dispute cards among the test cards, each passing the card form", () => {
    for (const number of ["4000000000000259", "4000000000002685", "4000000000001976"]) {
      expect(TEST_CARDS).toContain(number);
      expect(cardSchema.safeParse({ cardNumber: number, expiry: "12 / 34", cvc: "123" }).success).toBe(true);
    }
  });

  it("reads back only the dispute behaviours it knows", () => {
    expect(asDisputeBehaviour("inquiry")).toBe("inquiry");
    expect(asDisputeBehaviour("chargeback")).toBeUndefined();
    expect(asDisputeBehaviour(null)).toBeUndefined();
  });
});

describe("cardSchema", () => {
  const card = { cardNumber: "4242 4242 4242 4242", expiry: "12 / 34", cvc: "123" };

  it("accepts a test card with spaces and normalises the number", () => {
    expect(cardSchema.parse(card).cardNumber).toBe("4242424242424242");
  });

  it("refuses a number that fails the Luhn check", () => {
    const result = cardSchema.safeParse({ ...card, cardNumber: "4242 4242 4242 4241" });
    expect(result.error?.issues.map((i) => i.message)).toEqual(["card_number_invalid"]);
  });

  it.each([
    ["01 / 20", "expiry_past"],
    ["13 / 30", "expiry_invalid"],
    ["1230", "expiry_invalid"],
  ])("refuses expiry %s with %s", (expiry, code) => {
    expect(cardSchema.safeParse({ ...card, expiry }).error?.issues.map((i) => i.message)).toEqual([code]);
  });

  it("refuses a malformed CVC", () => {
    expect(cardSchema.safeParse({ ...card, cvc: "12a" }).error?.issues.map((i) => i.message)).toEqual(["cvc_invalid"]);
  });
});
