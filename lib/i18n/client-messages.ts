import type { Messages } from "./messages";

// A namespace, or one group of messages inside it ("Home.accountCta").
export type MessagePath = keyof Messages | `${keyof Messages}.${string}`;

// What the locale layout's client components read (the header's account links and language
// switcher, and the error page). Everything else travels only with the pages whose client
// components read it (`ClientTranslations`), so a page does not carry every form's messages.
export const LAYOUT_MESSAGES = ["Header", "LanguageSwitcher", "ErrorPage"] as const satisfies readonly MessagePath[];

type MessageTree = { [key: string]: string | MessageTree };

export function pickMessages(messages: Messages, paths: readonly MessagePath[]): MessageTree {
  const picked: MessageTree = {};
  for (const path of paths) {
    const keys = path.split(".");
    let source: string | MessageTree | undefined = messages as unknown as MessageTree;
    let target = picked;
    keys.forEach((key, index) => {
      source = typeof source === "object" ? source[key] : undefined;
      if (source === undefined) throw new Error(`no messages at ${path}`);
      if (index === keys.length - 1) target[key] = source;
      else target = (target[key] ??= {}) as MessageTree;
    });
  }
  return picked;
}
