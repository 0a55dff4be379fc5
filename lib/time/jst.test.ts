import { describe, expect, it } from "vitest";
import { endOfJstDay, fromJstLocal, jstDate, jstDayRange, jstIso, jstLocal, JST_TIME_ZONE, startOfJstDay } from "./jst";

describe("Japan days", () => {
  it("uses Japan dates", () => {
    expect(jstDate(new Date("2026-11-30T15:30:00Z"))).toBe("2026-12-01");
    expect(startOfJstDay(new Date("2026-11-30T15:30:00Z")).toISOString()).toBe("2026-11-30T15:00:00.000Z");
  });

  it("turns the date at 15:00 UTC, midnight in Japan", () => {
    expect(jstDate(new Date("2026-11-30T14:59:59.999Z"))).toBe("2026-11-30");
    expect(jstDate(new Date("2026-11-30T15:00:00Z"))).toBe("2026-12-01");
    expect(startOfJstDay(new Date("2026-11-30T14:59:59.999Z")).toISOString()).toBe("2026-11-29T15:00:00.000Z");
    expect(startOfJstDay(new Date("2026-11-30T15:00:00Z")).toISOString()).toBe("2026-11-30T15:00:00.000Z");
  });

  it("ends a day at 23:59:59.999 JST, counting days on from the instant's own", () => {
    // 2026-12-01 23:30 JST, late on the first day of a 7-day validity.
    const lateFirstDay = new Date("2026-12-01T14:30:00Z");
    expect(endOfJstDay(lateFirstDay).toISOString()).toBe("2026-12-01T14:59:59.999Z");
    expect(endOfJstDay(lateFirstDay, 6).toISOString()).toBe("2026-12-07T14:59:59.999Z");
    // Half an hour later it is already 2026-12-02 in Japan, so the same count ends a day later.
    expect(endOfJstDay(new Date("2026-12-01T15:00:00Z"), 6).toISOString()).toBe("2026-12-08T14:59:59.999Z");
  });
});

describe("the JST zone", () => {
  it("is the zone whose dates the fixed offset computes", () => {
    const formatter = new Intl.DateTimeFormat("en-CA", { timeZone: JST_TIME_ZONE });
    for (const instant of ["2026-11-30T14:59:59.999Z", "2026-11-30T15:00:00Z", "2026-06-15T08:30:00Z"]) {
      expect(formatter.format(new Date(instant))).toBe(jstDate(new Date(instant)));
    }
  });
});

describe("jstIso", () => {
  it("writes the Japan date and time with its offset, crossing midnight", () => {
    expect(jstIso(new Date("2026-12-31T15:00:00Z"))).toBe("2027-01-01T00:00:00+09:00");
    expect(Date.parse(jstIso(new Date("2026-06-15T08:30:00Z")))).toBe(Date.parse("2026-06-15T08:30:00Z"));
  });

  it("keeps whole seconds", () => {
    expect(jstIso(new Date("2026-12-07T14:59:59.999Z"))).toBe("2026-12-07T23:59:59+09:00");
  });
});

describe("Japan wall-clock time", () => {
  it("turns a Japan date or date and time into its instant", () => {
    expect(fromJstLocal("2026-12-01").toISOString()).toBe("2026-11-30T15:00:00.000Z");
    expect(fromJstLocal("2026-12-01T09:30").toISOString()).toBe("2026-12-01T00:30:00.000Z");
    expect(fromJstLocal("2026-12-01T08:59:30").toISOString()).toBe("2026-11-30T23:59:30.000Z");
  });

  it("gives an Invalid Date for what is not a Japan date or time", () => {
    for (const local of ["", "2026-13-01", "2026-12-01T25:00", "2026-12-01T", "2026-12-01T09:30T10:00", "yesterday"]) {
      expect(Number.isNaN(fromJstLocal(local).getTime()), local).toBe(true);
    }
  });

  it("writes an instant the way a datetime-local input shows it, and reads it back", () => {
    const instant = new Date("2026-12-31T15:45:00Z");
    expect(jstLocal(instant)).toBe("2027-01-01T00:45");
    expect(fromJstLocal(jstLocal(instant))).toEqual(instant);
  });

  it("covers whole Japan days from the first day's midnight to the end of the last", () => {
    expect(jstDayRange({ from: "2026-12-01", to: "2026-12-02" })).toEqual({
      gte: new Date("2026-11-30T15:00:00Z"),
      lt: new Date("2026-12-02T15:00:00Z"),
    });
    expect(jstDayRange({ to: "2026-12-01" })).toEqual({ lt: new Date("2026-12-01T15:00:00Z") });
    expect(jstDayRange({})).toEqual({});
  });
});
