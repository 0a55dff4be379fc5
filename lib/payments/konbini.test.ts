import { describe, expect, it } from "vitest";
import { konbiniDeadline, konbiniTestOutcome } from "./konbini";

describe("Stripe's Konbini test values", () => {
  it.each([
    ["aiko@example.test", undefined, "paid_after_delay"],
    ["aiko+succeed_immediately@example.test", undefined, "paid_immediately"],
    ["succeed_immediately@example.test", undefined, "paid_immediately"],
    ["aiko_expire_immediately@example.test", undefined, "expires_immediately"],
    ["expire_with_delay@example.test", undefined, "expires_after_delay"],
    ["FILL_NEVER@example.test", undefined, "never_paid"],
    ["aiko@example.test", "11111111110", "paid_after_delay"],
    ["aiko@example.test", "22222222220", "paid_immediately"],
    ["aiko@example.test", "33333333330", "expires_immediately"],
    ["aiko@example.test", "44444444440", "expires_after_delay"],
    ["aiko@example.test", "55555555550", "never_paid"],
    // The confirmation number wins over the email.
    ["succeed_immediately@example.test", "33333333330", "expires_immediately"],
    ["fill_never@example.test", "11111111110", "paid_after_delay"],
    // Any other number leaves it to the email.
    ["expire_immediately@example.test", "09012345678", "expires_immediately"],
    // Only the part before the @ counts.
    ["aiko@succeed_immediately.example", undefined, "paid_after_delay"],
  ])("%s with %s → %s", (email, confirmationNumber, outcome) => {
    expect(konbiniTestOutcome(email, confirmationNumber)).toBe(outcome);
  });
});

describe("the voucher's deadline", () => {
  it("is 23:59:59 JST on the last of the days counted from the day in Japan it was issued", () => {
    // Monday 1 December 2026, 10:00 JST, with 2 days: Wednesday 3 December, 23:59:59 JST.
    expect(konbiniDeadline(new Date("2026-12-01T01:00:00Z"), 2).toISOString()).toBe("2026-12-03T14:59:59.000Z");
    // 23:30 JST on 1 December is still that day in Japan; 00:30 JST is the next.
    expect(konbiniDeadline(new Date("2026-12-01T14:30:00Z"), 3).toISOString()).toBe("2026-12-04T14:59:59.000Z");
    expect(konbiniDeadline(new Date("2026-12-01T15:30:00Z"), 3).toISOString()).toBe("2026-12-05T14:59:59.000Z");
  });
});
