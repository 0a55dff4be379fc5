import { z } from "zod";
import { routing } from "../i18n/routing";

export const localePreferenceSchema = z.object({
  locale: z.enum(routing.locales, { error: "locale_invalid" }),
});
