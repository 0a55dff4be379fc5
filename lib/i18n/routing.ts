import { defineRouting } from "next-intl/routing";

export const routing = defineRouting({
  locales: ["en", "zh", "ja"],
  defaultLocale: "en",
  localePrefix: "always",
});

export type Locale = (typeof routing.locales)[number];

// BCP 47 tags for <html lang>: "zh" here is always Simplified Chinese.
export const htmlLang: Record<Locale, string> = { en: "en", zh: "zh-Hans", ja: "ja" };

export const localeNames: Record<Locale, string> = { en: "English", zh: "简体中文", ja: "日本語" };
