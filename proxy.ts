import createIntlMiddleware from "next-intl/middleware";
import { type NextRequest, NextResponse } from "next/server";
import { routing } from "./lib/i18n/routing";
import { filterSegments, planFiltersSchema } from "./lib/validation/catalog";

const intl = createIntlMiddleware(routing);

// Paths (after the locale) that need a login.
const LOGIN_REQUIRED = [
  /^\/dashboard(\/|$)/,
  /^\/api-tokens(\/|$)/,
  /^\/account(\/|$)/,
  /^\/orders(\/|$)/,
  /^\/esims(\/|$)/,
  /^\/checkout(\/|$)/,
  /^\/plans\/[^/]+\/checkout$/,
];

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

const PLAN_LIST = new RegExp(`^/(${routing.locales.join("|")})/plans/?$`);

// Filtered plan lists keep their shareable ?carrier=… URLs but are served by a page whose
// filters are path segments, so each one can be cached (app/[locale]/(shop)/plans/filter).
function filteredCatalogPath(url: URL): string | null {
  const locale = PLAN_LIST.exec(url.pathname)?.[1];
  if (!locale || url.search === "") return null;
  const { carrier, kind, duration } = filterSegments(planFiltersSchema.parse(Object.fromEntries(url.searchParams)));
  return `/${locale}/plans/filter/${carrier}/${kind}/${duration}`;
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
    // Next sends a redirect to the request's own host as a relative Location, so the address
    // the browser used is kept without trusting a Host header.
    return NextResponse.redirect(new URL(`/${locale}/login?${query}`, request.url), 307);
  }
  const response = intl(request);
  const catalogPath = filteredCatalogPath(request.nextUrl);
  if (!catalogPath || response.headers.has("location")) return response;
  const rewritten = NextResponse.rewrite(new URL(catalogPath, request.url));
  for (const cookie of response.cookies.getAll()) rewritten.cookies.set(cookie);
  const alternates = response.headers.get("link");
  if (alternates) rewritten.headers.set("link", alternates);
  return rewritten;
}

export const config = {
  // Everything but API routes, Next internals and files with an extension.
  matcher: "/((?!api|_next|_vercel|.*\\..*).*)",
};
