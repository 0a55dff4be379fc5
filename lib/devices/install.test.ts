import { describe, expect, it } from "vitest";
import type { EsimDevice } from "./catalog";
import { compareVersions, installSupport, LINK_INSTALL_MIN_IOS } from "./install";

describe("compareVersions", () => {
  it("compares dotted versions number by number", () => {
    expect(compareVersions("17.4", "17.4")).toBe(0);
    expect(compareVersions("17", "17.0")).toBe(0);
    expect(compareVersions("17.10", "17.4")).toBe(1);
    expect(compareVersions("16", "17.4")).toBe(-1);
    expect(compareVersions("26", "18.3")).toBe(1);
  });
});

describe("installSupport", () => {
  it("offers an older iPhone the link from iOS 17.4", () => {
    const device: EsimDevice = { brand: "apple", model: "iPhone 12", esim: true, esimSince: "14.1" };
    expect(installSupport(device)).toEqual({ platform: "ios", esimMinOs: "14.1", linkMinOs: LINK_INSTALL_MIN_IOS });
  });

  it("offers an iPhone that shipped after iOS 17.4 the link on every version it runs", () => {
    const device: EsimDevice = { brand: "apple", model: "iPhone 17", esim: true, esimSince: "26" };
    expect(installSupport(device)).toEqual({ platform: "ios", esimMinOs: "26", linkMinOs: "26" });
  });

  it("offers Android no link", () => {
    const device: EsimDevice = { brand: "google", model: "Pixel 8", esim: true, esimSince: "14" };
    expect(installSupport(device)).toEqual({ platform: "android", esimMinOs: "14", linkMinOs: null });
  });
});
