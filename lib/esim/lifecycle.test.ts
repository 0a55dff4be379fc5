import { describe, expect, it } from "vitest";
import { allowedEvents, isInstalled, LIFECYCLE_EVENTS, mayReport, nextState, validityWindow } from "./lifecycle";

describe("the profile state machine", () => {
  it("follows released → downloaded → installed → enabled", () => {
    expect(nextState("RELEASED", "download")).toBe("DOWNLOADED");
    expect(nextState("DOWNLOADED", "install")).toBe("INSTALLED");
    expect(nextState("INSTALLED", "enable")).toBe("ENABLED");
    expect(nextState("ENABLED", "disable")).toBe("DISABLED");
    expect(nextState("DISABLED", "enable")).toBe("ENABLED");
  });

  it.each([
    ["RELEASED", "install"],
    ["RELEASED", "enable"],
    ["DOWNLOADED", "download"],
    ["INSTALLED", "disable"],
    ["ENABLED", "install"],
    ["DELETED", "install"],
    ["DELETED", "enable"],
    ["DELETED", "delete"],
  ] as const)("refuses %s + %s", (state, event) => {
    expect(nextState(state, event)).toBeNull();
  });

  it("lets every state but deleted be deleted, and nothing follows deletion", () => {
    for (const state of ["RELEASED", "DOWNLOADED", "INSTALLED", "ENABLED", "DISABLED"] as const) {
      expect(nextState(state, "delete")).toBe("DELETED");
    }
    expect(allowedEvents("DELETED")).toEqual([]);
    expect(allowedEvents("INSTALLED")).toEqual(["enable", "delete"]);
  });

  it("revokes a refunded profile from wherever it stood, after which it can only be deleted", () => {
    for (const state of ["RELEASED", "DOWNLOADED", "INSTALLED", "ENABLED", "DISABLED"] as const) {
      expect(nextState(state, "revoke")).toBe("REVOKED");
    }
    expect(nextState("DELETED", "revoke")).toBeNull();
    expect(nextState("REVOKED", "revoke")).toBeNull();
    expect(allowedEvents("REVOKED")).toEqual(["delete"]);
    // The shop's own step is never offered to the phone or its owner.
    expect(allowedEvents("ENABLED")).toEqual(["disable", "delete"]);
  });

  it("counts a profile as installed from the install until it is deleted", () => {
    expect(
      (["RELEASED", "DOWNLOADED", "INSTALLED", "ENABLED", "DISABLED", "DELETED"] as const).filter(isInstalled),
    ).toEqual(["INSTALLED", "ENABLED", "DISABLED"]);
  });
});

describe("who may report a step", () => {
  it.each([
    ["download", true],
    ["install", true],
    ["enable", true],
    ["disable", false],
    ["delete", false],
  ] as const)("the activation link alone: %s → %s", (event, allowed) => {
    expect(mayReport("link-holder", event)).toBe(allowed);
  });

  it("lets the signed-in owner report every step", () => {
    expect(LIFECYCLE_EVENTS.filter((event) => mayReport("owner", event))).toEqual(LIFECYCLE_EVENTS);
  });
});

describe("validityWindow", () => {
  it("counts the first-use day as day 1 and ends at 23:59:59 JST", () => {
    // 2026-12-01 10:00 JST
    const { validFrom, validUntil } = validityWindow(new Date("2026-12-01T01:00:00Z"), 7);
    expect(validFrom.toISOString()).toBe("2026-12-01T01:00:00.000Z");
    // 2026-12-07 23:59:59.999 JST
    expect(validUntil.toISOString()).toBe("2026-12-07T14:59:59.999Z");
  });

  it("uses the Japan date even when it is still the previous day in UTC", () => {
    // 2026-12-01 08:30 JST is 2026-11-30 in UTC.
    const { validUntil } = validityWindow(new Date("2026-11-30T23:30:00Z"), 1);
    expect(validUntil.toISOString()).toBe("2026-12-01T14:59:59.999Z");
  });

  it("crosses month and year ends", () => {
    expect(validityWindow(new Date("2026-12-30T03:00:00Z"), 5).validUntil.toISOString()).toBe(
      "2027-01-03T14:59:59.999Z",
    );
  });
});
