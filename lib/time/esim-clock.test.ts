import { describe, expect, it } from "vitest";
import { esimNow } from "./esim-clock";

describe("esimNow", () => {
  const realNow = new Date("2026-12-01T01:00:00Z");

  it("is the real time for an eSIM whose clock was never moved", () => {
    expect(esimNow({ clockOffsetMinutes: 0 }, realNow).toISOString()).toBe("2026-12-01T01:00:00.000Z");
  });

  it("runs ahead by the eSIM's clock offset", () => {
    expect(esimNow({ clockOffsetMinutes: 24 * 60 }, realNow).toISOString()).toBe("2026-12-02T01:00:00.000Z");
    expect(esimNow({ clockOffsetMinutes: 90 }, realNow).toISOString()).toBe("2026-12-01T02:30:00.000Z");
  });
});
