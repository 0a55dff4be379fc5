import { describe, expect, it } from "vitest";
import { filterSegments, planFilterSegmentsSchema, planFiltersSchema } from "./catalog";

describe("plan filters as path segments", () => {
  it("round-trip every filter, with all for a missing one", () => {
    const filters = { carrier: "au", kind: "unlimited", duration: undefined } as const;
    expect(filterSegments(filters)).toEqual({ carrier: "au", kind: "unlimited", duration: "all" });
    expect(planFilterSegmentsSchema.parse(filterSegments(filters))).toEqual(filters);
    expect(planFilterSegmentsSchema.parse(filterSegments({}))).toEqual({
      carrier: undefined,
      kind: undefined,
      duration: undefined,
    });
  });

  it("refuse an unknown value in the path, though the query string drops it", () => {
    expect(planFilterSegmentsSchema.safeParse({ carrier: "rakuten", kind: "all", duration: "all" }).success).toBe(
      false,
    );
    expect(planFiltersSchema.parse({ carrier: "rakuten" })).toEqual({ carrier: undefined });
  });
});
