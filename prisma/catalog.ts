import type { CarrierCode, PlanKind } from "@prisma/client";

// The plan catalog the shop starts with. Prices are JPY, a zero-decimal currency: 1980 is ¥1,980.
const GB = 1024;

export const carriers: { code: CarrierCode; name: string; plmn: string; networkName: string }[] = [
  { code: "DOCOMO", name: "NTT Docomo", plmn: "44010", networkName: "NTT DOCOMO" },
  { code: "KDDI_AU", name: "KDDI au", plmn: "44050", networkName: "au" },
  { code: "SOFTBANK", name: "SoftBank", plmn: "44020", networkName: "SoftBank" },
];

type SeedPlan = {
  slug: string;
  carrierCode: CarrierCode;
  kind: PlanKind;
  dataMb?: number;
  days: number;
  voiceMinutes: number;
  fairUseDailyMb?: number;
  throttledKbps?: number;
  priceAmount: number;
};

const dataPack = (
  slug: string,
  carrierCode: CarrierCode,
  gb: number,
  days: number,
  voiceMinutes: number,
  priceAmount: number,
): SeedPlan => ({
  slug,
  carrierCode,
  kind: "DATA_PACK",
  dataMb: gb * GB,
  days,
  voiceMinutes,
  priceAmount,
});

// Unlimited plans run at full speed up to a daily allowance, then at 1 Mbps until midnight JST.
const unlimited = (
  slug: string,
  carrierCode: CarrierCode,
  days: number,
  dailyGb: number,
  voiceMinutes: number,
  priceAmount: number,
): SeedPlan => ({
  slug,
  carrierCode,
  kind: "UNLIMITED",
  days,
  voiceMinutes,
  fairUseDailyMb: dailyGb * GB,
  throttledKbps: 1000,
  priceAmount,
});

export const plans: SeedPlan[] = [
  dataPack("docomo-3gb-7d", "DOCOMO", 3, 7, 30, 1980),
  dataPack("docomo-10gb-15d", "DOCOMO", 10, 15, 60, 3980),
  unlimited("docomo-unlimited-30d", "DOCOMO", 30, 3, 0, 6980),
  unlimited("docomo-unlimited-90d", "DOCOMO", 90, 3, 0, 16800),
  dataPack("au-1gb-3d", "KDDI_AU", 1, 3, 15, 980),
  dataPack("au-5gb-10d", "KDDI_AU", 5, 10, 60, 2780),
  unlimited("au-unlimited-15d", "KDDI_AU", 15, 2, 30, 4480),
  unlimited("au-unlimited-60d", "KDDI_AU", 60, 3, 60, 11800),
  dataPack("softbank-2gb-5d", "SOFTBANK", 2, 5, 30, 1280),
  dataPack("softbank-20gb-30d", "SOFTBANK", 20, 30, 120, 5480),
  unlimited("softbank-unlimited-30d", "SOFTBANK", 30, 3, 0, 6480),
  unlimited("softbank-unlimited-180d", "SOFTBANK", 180, 3, 0, 29800),
];

export const topUpPacks: {
  slug: string;
  carrierCode: CarrierCode;
  dataMb: number;
  daysAdded: number;
  priceAmount: number;
}[] = [
  { slug: "docomo-topup-1gb-7d", carrierCode: "DOCOMO", dataMb: 1 * GB, daysAdded: 7, priceAmount: 880 },
  { slug: "docomo-topup-5gb-15d", carrierCode: "DOCOMO", dataMb: 5 * GB, daysAdded: 15, priceAmount: 2480 },
  { slug: "au-topup-1gb-7d", carrierCode: "KDDI_AU", dataMb: 1 * GB, daysAdded: 7, priceAmount: 850 },
  { slug: "au-topup-3gb-10d", carrierCode: "KDDI_AU", dataMb: 3 * GB, daysAdded: 10, priceAmount: 1780 },
  { slug: "softbank-topup-1gb-7d", carrierCode: "SOFTBANK", dataMb: 1 * GB, daysAdded: 7, priceAmount: 860 },
  { slug: "softbank-topup-10gb-30d", carrierCode: "SOFTBANK", dataMb: 10 * GB, daysAdded: 30, priceAmount: 3980 },
];

export const demoAccount = {
  name: "Demo Traveller",
  email: "demo@tabi.test",
  password: "tabi-demo-2026",
  phone: "+819012345678",
};

// The operator console's seeded staff, outside production only. Both share one authenticator
// secret, already enrolled, so a tester adds it to an authenticator app once (or runs
// `npm run staff:code`); a staff member enrolling their own account gets a fresh secret.
export const STAFF_TOTP_SECRET = "ORQWE2JNMRSXMLLTORQWMZRNORXXI4BB";

export const staffAccounts = [
  { name: "Aiko Tanaka (admin)", email: "admin@tabi.test", password: "tabi-admin-2026", role: "ADMIN" },
  { name: "Sora Ito (support)", email: "support@tabi.test", password: "tabi-support-2026", role: "SUPPORT" },
] as const;

const DAY_MS = 24 * 60 * 60 * 1000;

type SeedPromotion = {
  slug: string;
  kind: "SALE" | "CODE" | "BUY_ONE_GET_ONE";
  code?: string;
  percentOff?: number;
  amountOff?: number;
  currency?: string;
  planSlug?: string;
  carrierCode?: CarrierCode;
  maxRedemptions?: number;
  redemptionCount?: number;
  // Relative to the day the database is first seeded, so a fresh install has running offers.
  startsInDays: number;
  endsInDays: number;
};

export const promotions: SeedPromotion[] = [
  {
    slug: "softbank-winter-sale",
    kind: "SALE",
    percentOff: 20,
    carrierCode: "SOFTBANK",
    startsInDays: -1,
    endsInDays: 60,
  },
  { slug: "docomo-3gb-bogo", kind: "BUY_ONE_GET_ONE", planSlug: "docomo-3gb-7d", startsInDays: -1, endsInDays: 60 },
  {
    slug: "welcome-10",
    kind: "CODE",
    code: "WELCOME10",
    percentOff: 10,
    maxRedemptions: 10_000,
    startsInDays: -1,
    endsInDays: 365,
  },
  {
    slug: "tokyo-500",
    kind: "CODE",
    code: "TOKYO500",
    amountOff: 500,
    currency: "JPY",
    maxRedemptions: 500,
    startsInDays: -1,
    endsInDays: 90,
  },
  {
    slug: "au-only-15",
    kind: "CODE",
    code: "AU15",
    percentOff: 15,
    carrierCode: "KDDI_AU",
    startsInDays: -1,
    endsInDays: 90,
  },
  { slug: "summer-2025", kind: "CODE", code: "SUMMER2025", percentOff: 25, startsInDays: -500, endsInDays: -300 },
  {
    slug: "launch-100",
    kind: "CODE",
    code: "LAUNCH100",
    percentOff: 30,
    maxRedemptions: 100,
    redemptionCount: 100,
    startsInDays: -30,
    endsInDays: 30,
  },
];

export function promotionWindow(startsInDays: number, endsInDays: number, seededAt: Date) {
  return {
    startsAt: new Date(seededAt.getTime() + startsInDays * DAY_MS),
    endsAt: new Date(seededAt.getTime() + endsInDays * DAY_MS),
  };
}
