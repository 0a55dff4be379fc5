import { describe, expect, it } from "vitest";
import { methodsFor, methodTakes, paymentMethodListSchema, PAYMENT_METHOD_TYPES } from "./methods";

const yen = (amount: number) => ({ amount, currency: "JPY" });

describe("which methods a checkout offers", () => {
  it.each([
    // Konbini takes ¥120–¥300,000 and PayPay ¥50–¥1,000,000, as Stripe checks them.
    [49, ["card", "alipay", "wechat_pay", "paypal"]],
    [50, ["card", "paypay", "alipay", "wechat_pay", "paypal"]],
    [119, ["card", "paypay", "alipay", "wechat_pay", "paypal"]],
    [120, [...PAYMENT_METHOD_TYPES]],
    [300_000, [...PAYMENT_METHOD_TYPES]],
    [300_001, ["card", "paypay", "alipay", "wechat_pay", "paypal"]],
    [1_000_000, ["card", "paypay", "alipay", "wechat_pay", "paypal"]],
    [1_000_001, ["card", "alipay", "wechat_pay", "paypal"]],
  ])("for ¥%i: %j", (amount, offered) => {
    expect(methodsFor(PAYMENT_METHOD_TYPES, yen(amount))).toEqual(offered);
  });

  it("offers only the configured methods, in the configured order", () => {
    expect(methodsFor(["paypay", "card"], yen(1980))).toEqual(["paypay", "card"]);
    expect(methodsFor(["konbini"], yen(500_000))).toEqual([]);
  });

  it("never offers Konbini or PayPay in another currency than yen", () => {
    expect(methodTakes("konbini", { amount: 1980, currency: "USD" })).toBe(false);
    expect(methodTakes("paypay", { amount: 1980, currency: "USD" })).toBe(false);
    expect(methodTakes("card", { amount: 1980, currency: "USD" })).toBe(true);
  });
});

describe("PAYMENT_METHODS", () => {
  it("reads a comma-separated list, spaces allowed", () => {
    expect(paymentMethodListSchema.parse("card, konbini ,paypay")).toEqual(["card", "konbini", "paypay"]);
  });

  it.each([
    ["card,bitcoin", "must list methods from card, konbini, paypay, alipay, wechat_pay, paypal"],
    ["", "must list methods from card, konbini, paypay, alipay, wechat_pay, paypal"],
    ["card,card", "must name each method once"],
  ])("refuses %j", (value, message) => {
    const result = paymentMethodListSchema.safeParse(value);
    expect(result.error?.issues.map((issue) => issue.message)).toContain(message);
  });
});
