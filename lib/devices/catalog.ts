// The phones the compatibility checker knows, by brand. A list, not a promise: models sold
// by some carriers or in some countries differ, which is what the caveats are for.

export const BRANDS = ["apple", "google", "samsung", "sony", "sharp", "oppo", "xiaomi", "motorola", "oneplus"] as const;
export type Brand = (typeof BRANDS)[number];

// Names and search words of each brand. Travellers from China and Japan often type the brand
// in their own script; model names they type in Latin letters.
export const BRAND_INFO: Record<Brand, { name: string; searchTerms: readonly string[] }> = {
  apple: { name: "Apple", searchTerms: ["苹果", "アップル", "アイフォン", "アイフォーン"] },
  google: { name: "Google", searchTerms: ["谷歌", "グーグル", "ピクセル"] },
  samsung: { name: "Samsung", searchTerms: ["三星", "サムスン", "ギャラクシー"] },
  sony: { name: "Sony", searchTerms: ["索尼", "ソニー", "エクスペリア"] },
  sharp: { name: "Sharp", searchTerms: ["夏普", "シャープ", "アクオス"] },
  oppo: { name: "OPPO", searchTerms: ["オッポ"] },
  xiaomi: { name: "Xiaomi", searchTerms: ["小米", "シャオミ"] },
  motorola: { name: "Motorola", searchTerms: ["moto", "摩托罗拉", "モトローラ"] },
  oneplus: { name: "OnePlus", searchTerms: ["一加", "ワンプラス"] },
};

// Where a model's eSIM depends on where, or from whom, the phone was bought. Each is a
// message key in the Devices namespace.
export const CAVEATS = [
  "chinaMainland",
  "greaterChina",
  "usEsimOnly",
  "esimOnlyMany",
  "esimOnlyAll",
  "pixel3Japan",
  "pixel3aJapan",
  "japanCarrierModels",
  "regionVaries",
] as const;
export type Caveat = (typeof CAVEATS)[number];

type DeviceBase = {
  brand: Brand;
  model: string;
  // Other names the model goes by: model numbers, carrier codes, common spellings.
  aliases?: readonly string[];
};

// `esimSince` is the first iOS or Android version with which the model can use an eSIM: the
// version it shipped with, or the update that enabled it.
export type EsimDevice = DeviceBase & { esim: true; esimSince: string; caveats?: readonly Caveat[] };
export type Device = EsimDevice | (DeviceBase & { esim: false });

export const DEVICES: readonly Device[] = [
  // Apple: the one-tap install link needs iOS 17.4, which every iPhone from the XS on can run.
  { brand: "apple", model: "iPhone 17", esim: true, esimSince: "26", caveats: ["esimOnlyMany", "greaterChina"] },
  { brand: "apple", model: "iPhone Air", aliases: ["iPhone 17 Air"], esim: true, esimSince: "26", caveats: ["esimOnlyAll"] },
  { brand: "apple", model: "iPhone 17 Pro / 17 Pro Max", aliases: ["iPhone 17 Pro Max"], esim: true, esimSince: "26", caveats: ["esimOnlyMany", "greaterChina"] },
  { brand: "apple", model: "iPhone 16e", aliases: ["iPhone 16 e"], esim: true, esimSince: "18.3", caveats: ["usEsimOnly", "greaterChina"] },
  { brand: "apple", model: "iPhone 16", esim: true, esimSince: "18", caveats: ["usEsimOnly", "greaterChina"] },
  { brand: "apple", model: "iPhone 16 Plus", esim: true, esimSince: "18", caveats: ["usEsimOnly", "greaterChina"] },
  { brand: "apple", model: "iPhone 16 Pro / 16 Pro Max", aliases: ["iPhone 16 Pro Max"], esim: true, esimSince: "18", caveats: ["usEsimOnly", "greaterChina"] },
  { brand: "apple", model: "iPhone 15", esim: true, esimSince: "17", caveats: ["usEsimOnly", "greaterChina"] },
  { brand: "apple", model: "iPhone 15 Plus", esim: true, esimSince: "17", caveats: ["usEsimOnly", "greaterChina"] },
  { brand: "apple", model: "iPhone 15 Pro / 15 Pro Max", aliases: ["iPhone 15 Pro Max"], esim: true, esimSince: "17", caveats: ["usEsimOnly", "greaterChina"] },
  { brand: "apple", model: "iPhone 14", esim: true, esimSince: "16", caveats: ["usEsimOnly", "greaterChina"] },
  { brand: "apple", model: "iPhone 14 Plus", esim: true, esimSince: "16", caveats: ["usEsimOnly", "greaterChina"] },
  { brand: "apple", model: "iPhone 14 Pro / 14 Pro Max", aliases: ["iPhone 14 Pro Max"], esim: true, esimSince: "16", caveats: ["usEsimOnly", "greaterChina"] },
  { brand: "apple", model: "iPhone SE (3rd generation)", aliases: ["iPhone SE 3", "iPhone SE 2022", "SE3"], esim: true, esimSince: "15.4", caveats: ["chinaMainland"] },
  { brand: "apple", model: "iPhone 13", esim: true, esimSince: "15", caveats: ["greaterChina"] },
  { brand: "apple", model: "iPhone 13 mini", esim: true, esimSince: "15", caveats: ["chinaMainland"] },
  { brand: "apple", model: "iPhone 13 Pro / 13 Pro Max", aliases: ["iPhone 13 Pro Max"], esim: true, esimSince: "15", caveats: ["greaterChina"] },
  { brand: "apple", model: "iPhone 12", esim: true, esimSince: "14.1", caveats: ["greaterChina"] },
  { brand: "apple", model: "iPhone 12 mini", esim: true, esimSince: "14.2", caveats: ["chinaMainland"] },
  { brand: "apple", model: "iPhone 12 Pro", esim: true, esimSince: "14.1", caveats: ["greaterChina"] },
  { brand: "apple", model: "iPhone 12 Pro Max", esim: true, esimSince: "14.2", caveats: ["greaterChina"] },
  { brand: "apple", model: "iPhone SE (2nd generation)", aliases: ["iPhone SE 2", "iPhone SE 2020", "SE2"], esim: true, esimSince: "13.4", caveats: ["chinaMainland"] },
  { brand: "apple", model: "iPhone 11", esim: true, esimSince: "13", caveats: ["greaterChina"] },
  { brand: "apple", model: "iPhone 11 Pro / 11 Pro Max", aliases: ["iPhone 11 Pro Max"], esim: true, esimSince: "13", caveats: ["greaterChina"] },
  { brand: "apple", model: "iPhone XS", aliases: ["iPhone 10S"], esim: true, esimSince: "12.1", caveats: ["chinaMainland"] },
  { brand: "apple", model: "iPhone XS Max", aliases: ["iPhone 10S Max"], esim: true, esimSince: "12.1", caveats: ["greaterChina"] },
  { brand: "apple", model: "iPhone XR", aliases: ["iPhone 10R"], esim: true, esimSince: "12.1", caveats: ["greaterChina"] },
  { brand: "apple", model: "iPhone X and older", aliases: ["iPhone 10", "iPhone 8 Plus", "iPhone 7 Plus", "iPhone SE (1st generation)", "iPhone SE 2016"], esim: false },

  // Google
  { brand: "google", model: "Pixel 10", esim: true, esimSince: "16", caveats: ["usEsimOnly"] },
  { brand: "google", model: "Pixel 10 Pro / 10 Pro XL", aliases: ["Pixel 10 Pro XL"], esim: true, esimSince: "16", caveats: ["usEsimOnly"] },
  { brand: "google", model: "Pixel 10 Pro Fold", esim: true, esimSince: "16" },
  { brand: "google", model: "Pixel 9a", esim: true, esimSince: "15" },
  { brand: "google", model: "Pixel 9", esim: true, esimSince: "14" },
  { brand: "google", model: "Pixel 9 Pro / 9 Pro XL", aliases: ["Pixel 9 Pro XL"], esim: true, esimSince: "14" },
  { brand: "google", model: "Pixel 9 Pro Fold", esim: true, esimSince: "14" },
  { brand: "google", model: "Pixel 8a", esim: true, esimSince: "14" },
  { brand: "google", model: "Pixel 8 / 8 Pro", aliases: ["Pixel 8 Pro"], esim: true, esimSince: "14" },
  { brand: "google", model: "Pixel Fold", esim: true, esimSince: "13" },
  { brand: "google", model: "Pixel 7a", esim: true, esimSince: "13" },
  { brand: "google", model: "Pixel 7 / 7 Pro", aliases: ["Pixel 7 Pro"], esim: true, esimSince: "13" },
  { brand: "google", model: "Pixel 6a", esim: true, esimSince: "12" },
  { brand: "google", model: "Pixel 6 / 6 Pro", aliases: ["Pixel 6 Pro"], esim: true, esimSince: "12" },
  { brand: "google", model: "Pixel 5a (5G)", aliases: ["Pixel 5a"], esim: true, esimSince: "11" },
  { brand: "google", model: "Pixel 5", esim: true, esimSince: "11" },
  { brand: "google", model: "Pixel 4a (5G)", aliases: ["Pixel 4a 5G"], esim: true, esimSince: "11" },
  { brand: "google", model: "Pixel 4a", esim: true, esimSince: "10" },
  { brand: "google", model: "Pixel 4 / 4 XL", aliases: ["Pixel 4", "Pixel 4 XL"], esim: true, esimSince: "10" },
  { brand: "google", model: "Pixel 3a / 3a XL", aliases: ["Pixel 3a", "Pixel 3a XL"], esim: true, esimSince: "9", caveats: ["pixel3aJapan"] },
  { brand: "google", model: "Pixel 3 / 3 XL", aliases: ["Pixel 3", "Pixel 3 XL"], esim: true, esimSince: "9", caveats: ["pixel3Japan"] },

  // Samsung: Japanese carriers sold Galaxy phones without eSIM until the S23 and Z Fold5/Flip5.
  { brand: "samsung", model: "Galaxy S25 / S25+", aliases: ["Galaxy S25+", "SM-S931", "S25 Plus", "SM-S936"], esim: true, esimSince: "15", caveats: ["regionVaries"] },
  { brand: "samsung", model: "Galaxy S25 Ultra", aliases: ["SM-S938"], esim: true, esimSince: "15", caveats: ["regionVaries"] },
  { brand: "samsung", model: "Galaxy S25 Edge", aliases: ["SM-S937"], esim: true, esimSince: "15", caveats: ["regionVaries"] },
  { brand: "samsung", model: "Galaxy S25 FE", aliases: ["SM-S731"], esim: true, esimSince: "16", caveats: ["regionVaries"] },
  { brand: "samsung", model: "Galaxy S24 / S24+", aliases: ["Galaxy S24+", "SM-S921", "SC-51E", "SCG25", "S24 Plus", "SM-S926"], esim: true, esimSince: "14", caveats: ["regionVaries"] },
  { brand: "samsung", model: "Galaxy S24 Ultra", aliases: ["SM-S928", "SC-52E", "SCG26"], esim: true, esimSince: "14", caveats: ["regionVaries"] },
  { brand: "samsung", model: "Galaxy S24 FE", aliases: ["SM-S721"], esim: true, esimSince: "14", caveats: ["regionVaries"] },
  { brand: "samsung", model: "Galaxy S23 / S23+", aliases: ["Galaxy S23+", "SM-S911", "SC-51D", "SCG19", "S23 Plus", "SM-S916"], esim: true, esimSince: "13", caveats: ["regionVaries"] },
  { brand: "samsung", model: "Galaxy S23 Ultra", aliases: ["SM-S918", "SC-52D", "SCG20"], esim: true, esimSince: "13", caveats: ["regionVaries"] },
  { brand: "samsung", model: "Galaxy S23 FE", aliases: ["SM-S711"], esim: true, esimSince: "13", caveats: ["regionVaries"] },
  { brand: "samsung", model: "Galaxy S22 / S22+ / S22 Ultra", aliases: ["Galaxy S22", "S22 Plus", "SM-S901", "SM-S906", "SM-S908"], esim: true, esimSince: "12", caveats: ["japanCarrierModels", "regionVaries"] },
  { brand: "samsung", model: "Galaxy S21 / S21+ / S21 Ultra", aliases: ["Galaxy S21", "S21 Plus", "SM-G991", "SM-G996", "SM-G998"], esim: true, esimSince: "11", caveats: ["japanCarrierModels", "regionVaries"] },
  { brand: "samsung", model: "Galaxy S21 FE", aliases: ["SM-G990"], esim: true, esimSince: "12", caveats: ["japanCarrierModels", "regionVaries"] },
  { brand: "samsung", model: "Galaxy S20 / S20+ / S20 Ultra", aliases: ["Galaxy S20", "S20 Plus", "SM-G980", "SM-G981", "SM-G985", "SM-G986", "SM-G988"], esim: true, esimSince: "10", caveats: ["japanCarrierModels", "regionVaries"] },
  { brand: "samsung", model: "Galaxy S20 FE", aliases: ["SM-G780", "SM-G781"], esim: true, esimSince: "10", caveats: ["japanCarrierModels", "regionVaries"] },
  { brand: "samsung", model: "Galaxy Z Fold7", aliases: ["Z Fold 7", "SM-F966"], esim: true, esimSince: "16", caveats: ["regionVaries"] },
  { brand: "samsung", model: "Galaxy Z Flip7", aliases: ["Z Flip 7", "SM-F766"], esim: true, esimSince: "16", caveats: ["regionVaries"] },
  { brand: "samsung", model: "Galaxy Z Flip7 FE", aliases: ["Z Flip 7 FE", "SM-F761"], esim: true, esimSince: "16", caveats: ["regionVaries"] },
  { brand: "samsung", model: "Galaxy Z Fold6", aliases: ["Z Fold 6", "SM-F956"], esim: true, esimSince: "14", caveats: ["regionVaries"] },
  { brand: "samsung", model: "Galaxy Z Flip6", aliases: ["Z Flip 6", "SM-F741"], esim: true, esimSince: "14", caveats: ["regionVaries"] },
  { brand: "samsung", model: "Galaxy Z Fold5", aliases: ["Z Fold 5", "SM-F946"], esim: true, esimSince: "13", caveats: ["regionVaries"] },
  { brand: "samsung", model: "Galaxy Z Flip5", aliases: ["Z Flip 5", "SM-F731"], esim: true, esimSince: "13", caveats: ["regionVaries"] },
  { brand: "samsung", model: "Galaxy Z Fold4 / Z Flip4", aliases: ["Z Fold 4", "Z Flip 4", "SM-F936", "SM-F721"], esim: true, esimSince: "12", caveats: ["japanCarrierModels", "regionVaries"] },
  { brand: "samsung", model: "Galaxy Z Fold3 / Z Flip3", aliases: ["Z Fold 3", "Z Flip 3", "SM-F926", "SM-F711"], esim: true, esimSince: "11", caveats: ["japanCarrierModels", "regionVaries"] },
  { brand: "samsung", model: "Galaxy A56", aliases: ["SM-A566"], esim: true, esimSince: "15", caveats: ["regionVaries"] },
  { brand: "samsung", model: "Galaxy A36", aliases: ["SM-A366"], esim: true, esimSince: "15", caveats: ["regionVaries"] },
  { brand: "samsung", model: "Galaxy A55", aliases: ["SM-A556"], esim: true, esimSince: "14", caveats: ["regionVaries"] },
  { brand: "samsung", model: "Galaxy A35", aliases: ["SM-A356"], esim: true, esimSince: "14", caveats: ["regionVaries"] },
  { brand: "samsung", model: "Galaxy A54", aliases: ["SM-A546"], esim: true, esimSince: "13", caveats: ["japanCarrierModels", "regionVaries"] },
  { brand: "samsung", model: "Galaxy S10 / S10+ / S10e", aliases: ["Galaxy S10", "S10 Plus", "SM-G973", "SM-G975", "SM-G970"], esim: false },

  // Sony
  { brand: "sony", model: "Xperia 1 VII", aliases: ["Xperia 1 7"], esim: true, esimSince: "15", caveats: ["regionVaries"] },
  { brand: "sony", model: "Xperia 10 VII", aliases: ["Xperia 10 7"], esim: true, esimSince: "15", caveats: ["regionVaries"] },
  { brand: "sony", model: "Xperia 1 VI", aliases: ["Xperia 1 6", "SO-51E", "SOG13", "XQ-EC44"], esim: true, esimSince: "14", caveats: ["regionVaries"] },
  { brand: "sony", model: "Xperia 10 VI", aliases: ["Xperia 10 6", "SO-52E", "SOG14", "A402SO", "XQ-ES44"], esim: true, esimSince: "14", caveats: ["regionVaries"] },
  { brand: "sony", model: "Xperia 1 V", aliases: ["Xperia 1 5", "SO-51D", "SOG10", "XQ-DQ44"], esim: true, esimSince: "13", caveats: ["regionVaries"] },
  { brand: "sony", model: "Xperia 5 V", aliases: ["Xperia 5 5", "SO-53D", "SOG12", "XQ-DE44"], esim: true, esimSince: "13", caveats: ["regionVaries"] },
  { brand: "sony", model: "Xperia 10 V", aliases: ["Xperia 10 5", "SO-52D", "SOG11", "A302SO", "XQ-DC44"], esim: true, esimSince: "13", caveats: ["regionVaries"] },
  { brand: "sony", model: "Xperia 1 IV", aliases: ["Xperia 1 4", "SO-51C", "SOG06", "A201SO", "XQ-CT44"], esim: true, esimSince: "12", caveats: ["regionVaries"] },
  { brand: "sony", model: "Xperia 5 IV", aliases: ["Xperia 5 4", "SO-54C", "SOG09", "A204SO", "XQ-CQ44"], esim: true, esimSince: "12", caveats: ["regionVaries"] },
  { brand: "sony", model: "Xperia 10 IV", aliases: ["Xperia 10 4", "SO-52C", "SOG07", "A202SO", "XQ-CC44"], esim: true, esimSince: "12", caveats: ["regionVaries"] },
  { brand: "sony", model: "Xperia 10 III Lite", aliases: ["Xperia 10 3 Lite", "XQ-BT44"], esim: true, esimSince: "11", caveats: ["regionVaries"] },

  // Sharp
  { brand: "sharp", model: "AQUOS R10", esim: true, esimSince: "15", caveats: ["regionVaries"] },
  { brand: "sharp", model: "AQUOS R9 / R9 pro", aliases: ["AQUOS R9", "AQUOS R9 pro"], esim: true, esimSince: "14", caveats: ["regionVaries"] },
  { brand: "sharp", model: "AQUOS R8 / R8 pro", aliases: ["AQUOS R8", "AQUOS R8 pro", "SH-52D", "SH-51D"], esim: true, esimSince: "13", caveats: ["regionVaries"] },
  { brand: "sharp", model: "AQUOS R7", esim: true, esimSince: "12", caveats: ["regionVaries"] },
  { brand: "sharp", model: "AQUOS sense9", aliases: ["AQUOS sense 9"], esim: true, esimSince: "14", caveats: ["regionVaries"] },
  { brand: "sharp", model: "AQUOS sense8", aliases: ["AQUOS sense 8", "SH-54D", "SHG11"], esim: true, esimSince: "13", caveats: ["regionVaries"] },
  { brand: "sharp", model: "AQUOS sense7 / sense7 plus", aliases: ["AQUOS sense 7", "SH-53C", "SHG10"], esim: true, esimSince: "12", caveats: ["regionVaries"] },
  { brand: "sharp", model: "AQUOS sense6 / sense6s", aliases: ["AQUOS sense 6", "SH-54B", "SHG05"], esim: true, esimSince: "11", caveats: ["regionVaries"] },
  { brand: "sharp", model: "AQUOS wish4", aliases: ["AQUOS wish 4"], esim: true, esimSince: "14", caveats: ["regionVaries"] },
  { brand: "sharp", model: "AQUOS wish3", aliases: ["AQUOS wish 3", "SH-53D", "A302SH"], esim: true, esimSince: "13", caveats: ["regionVaries"] },
  { brand: "sharp", model: "AQUOS wish / wish2", aliases: ["AQUOS wish 2", "SHG06", "SH-51C"], esim: true, esimSince: "11", caveats: ["regionVaries"] },

  // OPPO
  { brand: "oppo", model: "Reno13 A", aliases: ["Reno 13 A"], esim: true, esimSince: "15", caveats: ["regionVaries"] },
  { brand: "oppo", model: "Reno11 A", aliases: ["Reno 11 A"], esim: true, esimSince: "14", caveats: ["regionVaries"] },
  { brand: "oppo", model: "Reno9 A", aliases: ["Reno 9 A"], esim: true, esimSince: "13", caveats: ["regionVaries"] },
  { brand: "oppo", model: "Reno7 A", aliases: ["Reno 7 A"], esim: true, esimSince: "11", caveats: ["regionVaries"] },
  { brand: "oppo", model: "Reno5 A", aliases: ["Reno 5 A"], esim: true, esimSince: "11", caveats: ["regionVaries"] },
  { brand: "oppo", model: "Find X5 Pro", esim: true, esimSince: "12", caveats: ["regionVaries"] },
  { brand: "oppo", model: "Find X3 Pro", esim: true, esimSince: "11", caveats: ["regionVaries"] },

  // Xiaomi
  { brand: "xiaomi", model: "Xiaomi 15T / 15T Pro", aliases: ["Xiaomi 15T", "Xiaomi 15T Pro"], esim: true, esimSince: "15", caveats: ["regionVaries"] },
  { brand: "xiaomi", model: "Xiaomi 14T / 14T Pro", aliases: ["Xiaomi 14T", "Xiaomi 14T Pro"], esim: true, esimSince: "14", caveats: ["regionVaries"] },
  { brand: "xiaomi", model: "Xiaomi 13T / 13T Pro", aliases: ["Xiaomi 13T", "Xiaomi 13T Pro"], esim: true, esimSince: "13", caveats: ["regionVaries"] },
  { brand: "xiaomi", model: "Xiaomi 12T Pro", esim: true, esimSince: "12", caveats: ["regionVaries"] },

  // Motorola
  { brand: "motorola", model: "razr 60 / razr 60 ultra", aliases: ["razr 60", "razr 60 ultra"], esim: true, esimSince: "15", caveats: ["regionVaries"] },
  { brand: "motorola", model: "razr 50 / razr 50 ultra", aliases: ["razr 50", "razr 50 ultra", "razr+ 2024"], esim: true, esimSince: "14", caveats: ["regionVaries"] },
  { brand: "motorola", model: "razr 40 / razr 40 ultra", aliases: ["razr 40", "razr 40 ultra", "razr+ 2023"], esim: true, esimSince: "13", caveats: ["regionVaries"] },
  { brand: "motorola", model: "edge 50 pro", esim: true, esimSince: "14", caveats: ["regionVaries"] },
  { brand: "motorola", model: "edge 40", esim: true, esimSince: "13", caveats: ["regionVaries"] },

  // OnePlus
  { brand: "oneplus", model: "OnePlus 15", esim: true, esimSince: "16", caveats: ["regionVaries"] },
  { brand: "oneplus", model: "OnePlus 13", esim: true, esimSince: "15", caveats: ["regionVaries"] },
  { brand: "oneplus", model: "OnePlus 12", esim: true, esimSince: "14", caveats: ["regionVaries"] },
  { brand: "oneplus", model: "OnePlus Open", esim: true, esimSince: "13", caveats: ["regionVaries"] },
];
