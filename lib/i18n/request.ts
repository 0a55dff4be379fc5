import { hasLocale } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { JST_TIME_ZONE } from "../time/jst";
import { loadMessages } from "./messages";
import { routing } from "./routing";

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  return {
    locale,
    // Plan validity and every time the product shows are Japan time.
    timeZone: JST_TIME_ZONE,
    messages: await loadMessages(locale),
  };
});
