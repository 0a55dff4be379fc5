import { BRAND_INFO, BRANDS, type Brand, type Device } from "./catalog";

export type DeviceSearch = { q?: string; brand?: Brand };

// Runs of Chinese or Japanese script and runs of anything else are separate words, so
// "アイフォン15" searches like "アイフォン 15". (ー, the long-vowel mark, belongs to no script.)
const WORDS = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}ー]+|[^\s\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}ー]+/gu;

// One spelling for the many ways a model name is typed: full-width letters from Chinese and
// Japanese keyboards, capitals, and spaces, hyphens, brackets and plus signs ("SM-S911",
// "sm s911", "ＳＭ－Ｓ９１１").
export function normalize(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
}

function searchWords(query: string): string[] {
  return [...query.normalize("NFKC").matchAll(WORDS)].map(([word]) => normalize(word)).filter(Boolean);
}

// Every way into a device's names at the start of a word, a word being a run of letters or of
// digits: "Galaxy S24" gives "galaxys24", "s24" and "24". A query word must begin at one of
// these, so "s24", "24" and "galaxys24" find the phone, while "xys" (inside "galaxys") does not.
function entryPoints(device: Device): string[] {
  const { name, searchTerms } = BRAND_INFO[device.brand];
  return [name, ...searchTerms, device.model, ...(device.aliases ?? [])].flatMap((text) => {
    const words =
      text
        .normalize("NFKC")
        .toLowerCase()
        .match(/\p{L}+|\p{N}+/gu) ?? [];
    return words.map((_, i) => words.slice(i).join(""));
  });
}

// The devices of the brand, if one is given, with every word of the query in their names.
export function searchDevices(devices: readonly Device[], { q = "", brand }: DeviceSearch): Device[] {
  const words = searchWords(q);
  return devices.filter((device) => {
    if (brand && device.brand !== brand) return false;
    const points = entryPoints(device);
    return words.every((word) => points.some((point) => point.startsWith(word)));
  });
}

// Devices in brand order, each brand with its devices in the order given.
export function groupByBrand(devices: readonly Device[]): { brand: Brand; devices: Device[] }[] {
  return BRANDS.map((brand) => ({ brand, devices: devices.filter((device) => device.brand === brand) })).filter(
    (group) => group.devices.length > 0,
  );
}
