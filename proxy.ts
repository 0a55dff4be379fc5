import createIntlMiddleware from "next-intl/middleware";
import type { NextRequest } from "next/server";
import { routing } from "./lib/i18n/routing";
import { requestOrigin } from "./lib/request-origin";

const intl = createIntlMiddleware(routing);

// Paths (after the locale) that need a login.
const LOGIN_REQUIRED = [/^\/dashboard(\/|$)/, /^\/api-tokens(\/|$)/, /^\/account(\/|$)/, /^\/orders(\/|$)/, /^\/esims(\/|$)/, /^\/checkout(\/|$)/, /^\/plans\/[^/]+\/checkout$/];

// Auth.js names its session cookie with a __Secure- prefix over https and splits large
// tokens into .0, .1, … chunks.
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

function loginRequiredLocale(pathname: string): string | null {
  const [, locale = "", ...rest] = pathname.split("/");
  if (!(routing.locales as readonly string[]).includes(locale)) return null;
  const path = `/${rest.join("/")}`;
  const guarded = LOGIN_REQUIRED.some((pattern) => pattern.test(path));
  return guarded ? locale : null;
}

// Only an optimistic check: the page itself verifies the session. Reading the session here
// through Auth.js would also re-issue its cookie on every request, and a prefetch answered
// after a logout would sign the visitor back in.
export default function proxy(request: NextRequest) {
  const locale = loginRequiredLocale(request.nextUrl.pathname);
  const hasSession = request.cookies.getAll().some(({ name }) => SESSION_COOKIE.test(name));
  if (locale && !hasSession) {
    const returnTo = request.nextUrl.pathname + request.nextUrl.search;
    const query = new URLSearchParams({ callbackUrl: returnTo });
    return new Response(null, {
      status: 307,
      headers: { Location: `${requestOrigin(request.headers, request.nextUrl.origin)}/${locale}/login?${query}` },
    });
  }
  return intl(request);
}

export const config = {
  // Everything but API routes, Next internals and files with an extension.
  matcher: "/((?!api|_next|_vercel|.*\\..*).*)",
};
