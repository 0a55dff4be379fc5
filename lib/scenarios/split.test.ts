import { describe, expect, it } from "vitest";
import { recordsIn, shareOf } from "./split";

describe("spreading a scenario's data over its records", () => {
  it.each([
    { total: 1000n, records: 3 },
    { total: 7n, records: 288 },
    { total: 102_400n * 1_048_576n, records: 288 },
  ])("$records records of $total bytes add up to it exactly", ({ total, records }) => {
    const shares = Array.from({ length: records }, (_, index) => shareOf(total, records, index + 1));
    expect(shares.reduce((sum, share) => sum + share, 0n)).toBe(total);
    expect(shares.every((share) => share >= 0n)).toBe(true);
  });

  it.each([
    { minutes: 5, records: 1 },
    { minutes: 15, records: 1 },
    { minutes: 16, records: 2 },
    { minutes: 60, records: 4 },
  ])("$minutes minutes make $records record(s)", ({ minutes, records }) => {
    expect(recordsIn(minutes * 60_000)).toBe(records);
  });
});
