import { describe, expect, it } from "vitest";
import { BRAND_INFO, BRANDS, CAVEATS, DEVICES } from "./catalog";
import { normalize } from "./search";

describe("the device catalog", () => {
  it("names each model once", () => {
    const names = DEVICES.map((device) => normalize(`${device.brand} ${device.model}`));
    expect(names).toEqual([...new Set(names)]);
  });

  it("has devices of every brand, listed together", () => {
    const order = DEVICES.map((device) => device.brand).filter((brand, i, all) => brand !== all[i - 1]);
    expect(order).toEqual([...BRANDS]);
    for (const brand of BRANDS) expect(BRAND_INFO[brand].name).not.toBe("");
  });

  it("gives every eSIM phone a plausible first OS version", () => {
    for (const device of DEVICES) {
      if (!device.esim) continue;
      expect(device.esimSince, device.model).toMatch(/^\d+(\.\d+)?$/);
      const major = Number(device.esimSince.split(".")[0]);
      // iOS 12.1 brought eSIM to the iPhone XS; Android 9 to the Pixel 3.
      if (device.brand === "apple") expect(major, device.model).toBeGreaterThanOrEqual(12);
      else expect(major, device.model).toBeGreaterThanOrEqual(9);
    }
  });

  it("uses only known caveats, each at most once per device", () => {
    for (const device of DEVICES) {
      if (!device.esim || !device.caveats) continue;
      expect(
        device.caveats.every((caveat) => CAVEATS.includes(caveat)),
        device.model,
      ).toBe(true);
      expect(new Set(device.caveats).size, device.model).toBe(device.caveats.length);
    }
  });

  it("uses every caveat somewhere", () => {
    const used = new Set(DEVICES.flatMap((device) => (device.esim ? (device.caveats ?? []) : [])));
    expect([...used].sort()).toEqual([...CAVEATS].sort());
  });

  it("stays a list a traveller can scan", () => {
    expect(DEVICES.length).toBeGreaterThan(36);
    expect(DEVICES.length).toBeLessThanOrEqual(125);
  });
});
