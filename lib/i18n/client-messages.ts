import type { Messages } from "./messages";

// The namespaces components marked "use client" read. Only these travel to the browser with
// every page; the rest is used while rendering on the server and would be dead weight there.
export const CLIENT_NAMESPACES = [
  "Account",
  "ApiTokens",
  "Auth",
  "ErrorPage",
  "Errors",
  "Esim",
  "Header",
  "Home",
  "LanguageSwitcher",
  "LocalCheckout",
  "PasswordReset",
  "Simulator",
  "Verification",
] as const satisfies readonly (keyof Messages)[];

export function clientMessages(messages: Messages): Pick<Messages, (typeof CLIENT_NAMESPACES)[number]> {
  return Object.fromEntries(CLIENT_NAMESPACES.map((namespace) => [namespace, messages[namespace]])) as Pick<
    Messages,
    (typeof CLIENT_NAMESPACES)[number]
  >;
}
