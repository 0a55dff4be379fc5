import { describe, expect, it } from "vitest";
import { DEVICE_QUERY_MAX_LENGTH, parseDeviceSearch } from "./devices";

describe("parseDeviceSearch", () => {
  it("trims the query and keeps a known brand", () => {
    expect(parseDeviceSearch({ q: "  iPhone 15 ", brand: "apple" })).toEqual({ q: "iPhone 15", brand: "apple" });
  });

  it("treats an empty or missing query as no query", () => {
    expect(parseDeviceSearch({ q: "   ", brand: "" })).toEqual({ q: undefined, brand: undefined });
    expect(parseDeviceSearch({})).toEqual({ q: undefined, brand: undefined });
  });

  it("drops an unknown brand", () => {
    expect(parseDeviceSearch({ q: "pixel", brand: "nokia" })).toEqual({ q: "pixel", brand: undefined });
  });

  it("refuses a query that is too long, keeping the brand", () => {
    expect(parseDeviceSearch({ q: "a".repeat(DEVICE_QUERY_MAX_LENGTH) }).error).toBeUndefined();
    expect(parseDeviceSearch({ q: "a".repeat(DEVICE_QUERY_MAX_LENGTH + 1), brand: "google" })).toEqual({
      brand: "google",
      error: "query_too_long",
    });
  });

  it("refuses a repeated parameter and control characters as malformed", () => {
    expect(parseDeviceSearch({ q: ["iphone", "pixel"] }).error).toBe("query_invalid");
    expect(parseDeviceSearch({ q: "iphone\u0000" }).error).toBe("query_invalid");
  });
});
