import { describe, expect, it } from "vitest";
import { allocateDebit, dataAlertsFor, daysLeft, expiryAlertsFor, MB, type PackageBalance, topUpWindow } from "./rules";

const pkg = (id: string, createdAt: string, creditedBytes: bigint | null, usedBytes = 0n): PackageBalance => ({
  id,
  createdAt: new Date(createdAt),
  creditedBytes,
  usedBytes,
  creditedVoiceSeconds: 600,
  usedVoiceSeconds: 0,
});

describe("allocateDebit", () => {
  it("draws from the oldest package first and spills into the next", () => {
    const plan = pkg("plan", "2026-12-01T00:00:00Z", 1000n, 900n);
    const topUp = pkg("topup", "2026-12-02T00:00:00Z", 1000n);
    expect(allocateDebit([topUp, plan], 250n, "data")).toEqual({
      allocations: [
        { packageId: "plan", amount: 100n },
        { packageId: "topup", amount: 150n },
      ],
      unallocated: 0n,
    });
  });

  it("reports what could not be covered", () => {
    expect(allocateDebit([pkg("plan", "2026-12-01T00:00:00Z", 100n, 60n)], 50n, "data")).toEqual({
      allocations: [{ packageId: "plan", amount: 40n }],
      unallocated: 10n,
    });
  });

  it("takes everything from an unlimited package", () => {
    expect(allocateDebit([pkg("plan", "2026-12-01T00:00:00Z", null)], 5n * 1024n * MB, "data").unallocated).toBe(0n);
  });
});

describe("alerts", () => {
  it("fire at 75 %, 90 % and when the data is gone", () => {
    expect(dataAlertsFor(pkg("p", "2026-12-01", 1000n, 749n))).toEqual([]);
    expect(dataAlertsFor(pkg("p", "2026-12-01", 1000n, 750n))).toEqual(["DATA_75"]);
    expect(dataAlertsFor(pkg("p", "2026-12-01", 1000n, 900n))).toEqual(["DATA_75", "DATA_90"]);
    expect(dataAlertsFor(pkg("p", "2026-12-01", 1000n, 1000n))).toEqual(["DATA_75", "DATA_90", "DATA_EXHAUSTED"]);
    expect(dataAlertsFor(pkg("p", "2026-12-01", null, 10n ** 12n))).toEqual([]);
  });

  it("warn 3 days and 1 day before the end", () => {
    const end = new Date("2026-12-10T14:59:59.999Z");
    expect(expiryAlertsFor(end, new Date("2026-12-07T00:00:00Z"))).toEqual([]);
    expect(expiryAlertsFor(end, new Date("2026-12-08T00:00:00Z"))).toEqual(["EXPIRES_3_DAYS"]);
    expect(expiryAlertsFor(end, new Date("2026-12-10T00:00:00Z"))).toEqual(["EXPIRES_3_DAYS", "EXPIRES_1_DAY"]);
    expect(expiryAlertsFor(end, new Date("2026-12-11T00:00:00Z"))).toEqual([]);
    expect(expiryAlertsFor(null, new Date())).toEqual([]);
  });
});

describe("topUpWindow", () => {
  const end = new Date("2026-12-10T14:59:59.999Z");
  it("is open while the plan runs and for 7 days after", () => {
    expect(topUpWindow({ state: "ENABLED", validUntil: end }, new Date("2026-12-05T00:00:00Z"))).toEqual({
      open: true,
      closesAt: new Date("2026-12-17T14:59:59.999Z"),
    });
    expect(topUpWindow({ state: "ENABLED", validUntil: end }, new Date("2026-12-17T15:00:00Z"))).toEqual({
      open: false,
      reason: "grace_over",
    });
    expect(topUpWindow({ state: "INSTALLED", validUntil: null }, new Date())).toEqual({ open: true, closesAt: null });
    expect(topUpWindow({ state: "DELETED", validUntil: end }, new Date("2026-12-05T00:00:00Z"))).toEqual({
      open: false,
      reason: "deleted",
    });
  });
});

describe("time", () => {
  it("counts days left, rounding a part day up", () => {
    expect(daysLeft(new Date("2026-12-10T14:59:59.999Z"), new Date("2026-12-08T15:00:00Z"))).toBe(2);
    expect(daysLeft(new Date("2026-12-10T14:59:59.999Z"), new Date("2026-12-11T00:00:00Z"))).toBe(0);
  });
});
