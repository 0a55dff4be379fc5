import { describe, expect, it } from "vitest";
import { formatMoney, toMajorUnits } from "./money";

describe("money", () => {
  it("treats JPY as zero-decimal", () => {
    expect(toMajorUnits({ amount: 1980, currency: "JPY" })).toBe(1980);
    expect(formatMoney({ amount: 1980, currency: "JPY" }, "en")).toBe("¥1,980");
    expect(formatMoney({ amount: 1980, currency: "JPY" }, "ja")).toBe("￥1,980");
  });

  it("divides two-decimal currencies by 100", () => {
    expect(toMajorUnits({ amount: 1980, currency: "USD" })).toBe(19.8);
    expect(formatMoney({ amount: 1980, currency: "USD" }, "en")).toBe("$19.80");
  });
});
