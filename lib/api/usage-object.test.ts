import { describe, expect, it } from "vitest";
import { MB } from "../balance/rules";
import { type UsageSource, usageObject } from "./usage-object";

const dataPack: UsageSource = {
  iccid: "8981100022152967705",
  status: "ACTIVE",
  isUnlimited: false,
  totalBytes: 3072n * MB,
  remainingBytes: 3072n * MB - 123_456_789n,
  // 23:59:59.999 JST on 7 December 2026, as validityWindow stores it.
  validUntil: new Date("2026-12-07T14:59:59.999Z"),
  totalVoiceSeconds: 1800,
  remainingVoiceSeconds: 1500,
  asOf: new Date("2026-12-01T03:04:05.678Z"),
  carrierCode: "DOCOMO",
  plan: { slug: "docomo-3gb-7d" },
  state: "ENABLED",
  eid: "89001012012341234012345678901224",
};

describe("usageObject", () => {
  it("reports bytes and seconds as JSON numbers and instants in Japan time", () => {
    const usage = usageObject(dataPack);
    expect(usage).toEqual({
      iccid: "8981100022152967705",
      status: "ACTIVE",
      total: 3_221_225_472,
      remaining: 3_221_225_472 - 123_456_789,
      is_unlimited: false,
      expired_at: "2026-12-07T23:59:59+09:00",
      total_voice: 1800,
      remaining_voice: 1500,
      as_of: "2026-12-01T12:04:05+09:00",
      carrier: "DOCOMO",
      plan: "docomo-3gb-7d",
      profile_state: "enabled",
      eid: "89001012012341234012345678901224",
    });
    expect(JSON.parse(JSON.stringify(usage))).toEqual(usage);
  });

  it("reports null totals for an unlimited plan and null times before first use", () => {
    const usage = usageObject({
      ...dataPack,
      status: "NOT_ACTIVE",
      isUnlimited: true,
      totalBytes: null,
      remainingBytes: null,
      validUntil: null,
      asOf: null,
      state: "RELEASED",
      eid: null,
    });
    expect(usage).toMatchObject({
      status: "NOT_ACTIVE",
      total: null,
      remaining: null,
      is_unlimited: true,
      expired_at: null,
      as_of: null,
      profile_state: "released",
      eid: null,
    });
  });

  it("keeps byte counts exact up to 100 GB and beyond", () => {
    const total = 100n * 1024n * MB + 1n;
    expect(usageObject({ ...dataPack, totalBytes: total, remainingBytes: total }).remaining).toBe(107_374_182_401);
  });
});
