import { describe, expect, it } from "vitest";
import { BRANDS, DEVICES } from "./catalog";
import { groupByBrand, normalize, searchDevices } from "./search";

const models = (q: string, brand?: (typeof BRANDS)[number]) => searchDevices(DEVICES, { q, brand }).map((d) => d.model);

describe("normalize", () => {
  it("folds case, full-width letters and punctuation into one spelling", () => {
    expect(normalize("SM-S911")).toBe("sms911");
    expect(normalize("ＳＭ－Ｓ９１１")).toBe("sms911");
    expect(normalize("Pixel 4a (5G)")).toBe("pixel4a5g");
    expect(normalize("Galaxy S25+")).toBe("galaxys25");
  });
});

describe("searchDevices", () => {
  it("lists every device for an empty query", () => {
    expect(searchDevices(DEVICES, {})).toHaveLength(DEVICES.length);
    expect(searchDevices(DEVICES, { q: "   " })).toHaveLength(DEVICES.length);
  });

  it("finds a model whatever its case and spacing", () => {
    const expected = ["iPhone 15", "iPhone 15 Plus", "iPhone 15 Pro / 15 Pro Max"];
    expect(models("iphone 15")).toEqual(expected);
    expect(models("IPHONE15")).toEqual(expected);
    expect(models("  iPhone   15 ")).toEqual(expected);
  });

  it("finds the second model of a combined entry by its full name", () => {
    expect(models("iphone15promax")).toEqual(["iPhone 15 Pro / 15 Pro Max"]);
    expect(models("pixel 8 pro")).toEqual(["Pixel 8 / 8 Pro"]);
  });

  it("matches words in any order and across brand and model", () => {
    expect(models("samsung s24 ultra")).toEqual(["Galaxy S24 Ultra"]);
    expect(models("ultra s24")).toEqual(["Galaxy S24 Ultra"]);
    expect(models("google 8a")).toEqual(["Pixel 8a"]);
  });

  it("matches model numbers and Japanese carrier codes", () => {
    expect(models("SM-S911")).toEqual(["Galaxy S23 / S23+"]);
    expect(models("sc51e")).toEqual(["Galaxy S24 / S24+"]);
    expect(models("SOG10")).toEqual(["Xperia 1 V"]);
  });

  it("takes what Chinese and Japanese keyboards type", () => {
    expect(models("ｉＰｈｏｎｅ　１５")).toEqual(models("iphone 15"));
    expect(models("アイフォン15")).toEqual(models("iphone 15"));
    expect(models("苹果 16e")).toEqual(["iPhone 16e"]);
    expect(models("グーグル ピクセル 9a")).toEqual(["Pixel 9a"]);
    expect(models("アクオス sense8")).toEqual(["AQUOS sense8"]);
  });

  it("filters by brand, with or without a query", () => {
    const pixels = searchDevices(DEVICES, { brand: "google" });
    expect(pixels.length).toBeGreaterThan(10);
    expect(pixels.every((device) => device.brand === "google")).toBe(true);
    expect(models("8", "google")).toEqual(["Pixel 8a", "Pixel 8 / 8 Pro"]);
    expect(models("iphone", "samsung")).toEqual([]);
  });

  it("finds nothing for a name it does not know", () => {
    expect(models("nokia 3310")).toEqual([]);
    expect(models("zzzz")).toEqual([]);
  });

  it("matches from the start of a word, letters and digits being words of their own", () => {
    expect(models("911")).toEqual(["Galaxy S23 / S23+"]);
    expect(models("galaxy 24 ultra")).toEqual(["Galaxy S24 Ultra"]);
    // "xyz" stands inside "Galaxy Z", but no word starts with it.
    expect(models("xyz")).toEqual([]);
    expect(models("phone")).toEqual([]);
  });

  it("does not match a word across two names of one device", () => {
    // "Galaxy S23 Ultra" is followed by its model number SM-S918: "ultrasm" spans both.
    expect(models("ultrasm")).toEqual([]);
  });
});

describe("groupByBrand", () => {
  it("keeps brand order and leaves out brands without devices", () => {
    const groups = groupByBrand(searchDevices(DEVICES, { q: "pro" }));
    const brands = groups.map((group) => group.brand);
    expect(brands).toEqual(BRANDS.filter((brand) => brands.includes(brand)));
    expect(brands).not.toContain("samsung");
    expect(groups.flatMap((group) => group.devices)).toHaveLength(searchDevices(DEVICES, { q: "pro" }).length);
  });
});
