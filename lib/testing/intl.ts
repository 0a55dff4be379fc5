import { createFormatter, createTranslator } from "next-intl";
import { loadMessages } from "../i18n/messages";
import { JST_TIME_ZONE } from "../time/jst";

// next-intl/server for page tests, with the English messages and Japan time as the app's
// request config (lib/i18n/request.ts) gives them:
//   vi.mock("next-intl/server", async () => (await import("@/lib/testing/intl")).englishIntlServer());
export async function englishIntlServer() {
  const messages = await loadMessages("en");
  const config = { locale: "en" as const, messages, timeZone: JST_TIME_ZONE };
  return {
    getLocale: async () => "en",
    setRequestLocale: () => undefined,
    getMessages: async () => messages,
    getFormatter: async () => createFormatter(config),
    // Typed loosely: each page's own calls are checked against the messages where it makes them.
    getTranslations: async (namespace?: string | { namespace?: string }) =>
      createTranslator({
        ...config,
        namespace: (typeof namespace === "string" ? namespace : namespace?.namespace) as keyof typeof messages,
      }),
  };
}
