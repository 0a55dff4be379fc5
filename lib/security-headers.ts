// The security headers of every response the proxy sees, and the Content-Security-Policy of pages.
// Pure, so the proxy and the tests build the same thing; the proxy supplies what lib/env.ts says.
import { routing } from "./i18n/routing";

export type HeaderSettings = {
  // `next dev`: React's development build uses eval to rebuild server error stacks in the
  // browser, and the dev overlay injects styles without a nonce. Never true for a build.
  development: boolean;
  // APP_ENV=production, always served over https.
  production: boolean;
  // Real Stripe Checkout is in use: a checkout form posted before the page's script has run
  // is answered with a redirect to it, and browsers check form-action on that redirect too.
  stripeCheckout: boolean;
};

export const STRIPE_CHECKOUT_ORIGIN = "https://checkout.stripe.com";

// Pages whose URL is the secret (an emailed link's token, a wallet's test authorization or a
// Konbini refund's bank-account link): the full URL must not travel on,
// not even to our own server's logs through a same-origin Referer.
const SECRET_IN_URL = new RegExp(
  `^(/(${routing.locales.join("|")}))?/(activate|reset-password|verify-email|restore-email|checkout/local/(authorize|refunds))/[^/]+(/|$)`,
);

export function urlHoldsSecret(pathname: string): boolean {
  return SECRET_IN_URL.test(pathname);
}

// 128 random bits; Next takes the nonce from the request's Content-Security-Policy header
// (base64 is what its parser accepts) and puts it on every script it writes into the page.
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

export function pageContentSecurityPolicy(nonce: string, settings: HeaderSettings): string {
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic': scripts the nonced ones load (Next's chunks) run too; 'self' is only the
    // fallback for browsers without it.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${settings.development ? " 'unsafe-eval'" : ""}`,
    // <style> elements need the nonce; style attributes cannot carry one, and React writes some
    // (the data meter's width), so those are allowed. The dev overlay's styles have no nonce.
    settings.development ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    // data: for the installation QR codes, which are rendered on the server as data URLs.
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self'${settings.stripeCheckout ? ` ${STRIPE_CHECKOUT_ORIGIN}` : ""}`,
    "frame-ancestors 'none'",
    ...(settings.production ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

// Route handlers answer JSON (or a redirect): nothing in them may load, run or be framed.
const NON_PAGE_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

// Off: nothing in the shop needs the device's sensors, and payment happens on Stripe's page.
const PERMISSIONS_POLICY = [
  "accelerometer",
  "camera",
  "display-capture",
  "geolocation",
  "gyroscope",
  "hid",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "serial",
  "usb",
]
  .map((feature) => `${feature}=()`)
  .join(", ");

const TWO_YEARS = 2 * 365 * 24 * 60 * 60;

export function securityHeaders(
  request: { pathname: string; nonce?: string },
  settings: HeaderSettings,
): [name: string, value: string][] {
  return [
    [
      "Content-Security-Policy",
      request.nonce ? pageContentSecurityPolicy(request.nonce, settings) : NON_PAGE_CONTENT_SECURITY_POLICY,
    ],
    ["Referrer-Policy", urlHoldsSecret(request.pathname) ? "no-referrer" : "strict-origin-when-cross-origin"],
    ["X-Content-Type-Options", "nosniff"],
    ["Permissions-Policy", PERMISSIONS_POLICY],
    ...(settings.production
      ? [["Strict-Transport-Security", `max-age=${TWO_YEARS}; includeSubDomains`] as [string, string]]
      : []),
  ];
}
