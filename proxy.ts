import createIntlMiddleware from "next-intl/middleware";
import { NextRequest, NextResponse } from "next/server";
import { env } from "./lib/env";
import { routing } from "./lib/i18n/routing";
import { createNonce, type HeaderSettings, securityHeaders } from "./lib/security-headers";
import { filterSegments, planFiltersSchema } from "./lib/validation/catalog";

const intl = createIntlMiddleware(routing);

// Paths (after the locale) that need a login. A wallet's test authorization page and a Konbini
// refund's bank-account page are opened from a link (a QR code on a phone, an email), which
// is their only credential, as Stripe's own pages are.
const LINK_PAGES = /^\/checkout\/local\/(authorize|refunds)\/[^/]+$/;
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
  const guarded = !LINK_PAGES.test(path) && LOGIN_REQUIRED.some((pattern) => pattern.test(path));
  return guarded ? locale : null;
}

const PLAN_LIST = new RegExp(`^/(${routing.locales.join("|")})/plans/?$`);

// Filtered plan lists keep their shareable ?carrier=… URLs but are served by a page whose
// filters are path segments (app/[locale]/(shop)/plans/filter).
function filteredCatalogPath(url: URL): string | null {
  const locale = PLAN_LIST.exec(url.pathname)?.[1];
  if (!locale || url.search === "") return null;
  const { carrier, kind, duration } = filterSegments(planFiltersSchema.parse(Object.fromEntries(url.searchParams)));
  return `/${locale}/plans/filter/${carrier}/${kind}/${duration}`;
}

// Route handlers and files (icon.svg) get the headers but no language routing.
const NOT_A_PAGE = /^\/(api|_vercel)(\/|$)|\.[^/]*$/;

function headerSettings(): HeaderSettings {
  const { NODE_ENV, APP_ENV, STRIPE_SECRET_KEY } = env();
  return {
    development: NODE_ENV === "development",
    production: APP_ENV === "production",
    stripeCheckout: Boolean(STRIPE_SECRET_KEY),
  };
}

function routePage(request: NextRequest): Response {
  const locale = loginRequiredLocale(request.nextUrl.pathname);
  const hasSession = request.cookies.getAll().some(({ name }) => SESSION_COOKIE.test(name));
  if (locale && !hasSession) {
    const returnTo = request.nextUrl.pathname + request.nextUrl.search;
    const query = new URLSearchParams({ callbackUrl: returnTo });
    // Next sends a redirect to the request's own host as a relative Location, so the address
    // the browser used is kept without trusting a Host header.
    return NextResponse.redirect(new URL(`/${locale}/login?${query}`, request.url), 307);
  }
  // next-intl passes the request's headers on to the page, the Content-Security-Policy with them.
  const response = intl(request);
  const catalogPath = filteredCatalogPath(request.nextUrl);
  if (!catalogPath || response.headers.has("location")) return response;
  const rewritten = NextResponse.rewrite(new URL(catalogPath, request.url), { request: { headers: request.headers } });
  for (const cookie of response.cookies.getAll()) rewritten.cookies.set(cookie);
  const alternates = response.headers.get("link");
  if (alternates) rewritten.headers.set("link", alternates);
  return rewritten;
}

// Only an optimistic check: the page itself verifies the session. Reading the session here
// through Auth.js would also re-issue its cookie on every request, and a prefetch answered
// after a logout would sign the visitor back in.
export default function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const settings = headerSettings();
  if (NOT_A_PAGE.test(pathname)) {
    const response = NextResponse.next();
    for (const [name, value] of securityHeaders({ pathname }, settings)) response.headers.set(name, value);
    return response;
  }
  // A fresh nonce per page; Next reads it from the request's Content-Security-Policy header and
  // writes it on the scripts it puts in the page, so the browser runs those and nothing else.
  const headers = securityHeaders({ pathname, nonce: createNonce() }, settings);
  const forwarded = new Headers(request.headers);
  forwarded.set("Content-Security-Policy", headers.find(([name]) => name === "Content-Security-Policy")![1]);
  const response = routePage(new NextRequest(request.url, { method: request.method, headers: forwarded }));
  for (const [name, value] of headers) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything but Next's build output, which next.config.ts gives nosniff.
  matcher: "/((?!_next/static|_next/image).*)",
};
