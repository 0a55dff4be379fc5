import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { type MessagePath, pickMessages } from "@/lib/i18n/client-messages";
import type { Messages } from "@/lib/i18n/messages";

// Sends the browser the messages its client components below read, and nothing more. The
// header's are outside: this replaces the layout's messages for its children.
export async function ClientTranslations({
  messages,
  children,
}: {
  messages: readonly MessagePath[];
  children: ReactNode;
}) {
  const all = (await getMessages()) as Messages;
  return <NextIntlClientProvider messages={pickMessages(all, messages)}>{children}</NextIntlClientProvider>;
}
