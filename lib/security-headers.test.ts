import { getScriptNonceFromHeader } from "next/dist/server/app-render/get-script-nonce-from-header";
import { describe, expect, it } from "vitest";
import {
  createNonce,
  type HeaderSettings,
  pageContentSecurityPolicy,
  securityHeaders,
  STRIPE_CHECKOUT_ORIGIN,
  urlHoldsSecret,
} from "./security-headers";

const NONCE = "q2Vz8p6cQeKk1H3w0rXb4A==";
const built: HeaderSettings = { development: false, production: false, stripeCheckout: false };
const production: HeaderSettings = { development: false, production: true, stripeCheckout: true };
const nextDev: HeaderSettings = { development: true, production: false, stripeCheckout: false };

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((directive) => {
      const [name = "", ...sources] = directive.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

// A page's headers; a route handler's or a file's have no nonce.
function headersOf(pathname: string, settings: HeaderSettings, nonce?: string) {
  return Object.fromEntries(securityHeaders({ pathname, nonce }, settings));
}

describe("pageContentSecurityPolicy", () => {
  it("runs only scripts carrying the nonce, and what they load", () => {
    for (const settings of [built, production, nextDev]) {
      const scripts = directives(pageContentSecurityPolicy(NONCE, settings)).get("script-src");
      expect(scripts).toEqual(expect.arrayContaining([`'nonce-${NONCE}'`, "'strict-dynamic'"]));
      expect(scripts).not.toContain("'unsafe-inline'");
    }
  });

  it("is the policy Next reads its nonce from", () => {
    const nonce = createNonce();
    expect(getScriptNonceFromHeader(pageContentSecurityPolicy(nonce, production))).toBe(nonce);
    expect(getScriptNonceFromHeader(pageContentSecurityPolicy(nonce, nextDev))).toBe(nonce);
  });

  it("allows eval and un-nonced <style> elements under `next dev` only", () => {
    const dev = directives(pageContentSecurityPolicy(NONCE, nextDev));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(dev.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    for (const settings of [built, production]) {
      const policy = directives(pageContentSecurityPolicy(NONCE, settings));
      expect(policy.get("script-src")).not.toContain("'unsafe-eval'");
      expect(policy.get("style-src")).toEqual(["'self'", `'nonce-${NONCE}'`]);
      expect(policy.get("style-src-attr")).toEqual(["'unsafe-inline'"]);
    }
  });

  it("forbids framing, plugins, other bases and images from elsewhere; QR codes are data: URLs", () => {
    const policy = directives(pageContentSecurityPolicy(NONCE, production));
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("img-src")).toEqual(["'self'", "data:"]);
  });

  it("lets forms post to the app, and to Stripe Checkout only while it is the gateway", () => {
    expect(directives(pageContentSecurityPolicy(NONCE, built)).get("form-action")).toEqual(["'self'"]);
    expect(directives(pageContentSecurityPolicy(NONCE, production)).get("form-action")).toEqual([
      "'self'",
      STRIPE_CHECKOUT_ORIGIN,
    ]);
  });

  it("upgrades insecure requests in production only", () => {
    expect(directives(pageContentSecurityPolicy(NONCE, production)).has("upgrade-insecure-requests")).toBe(true);
    expect(directives(pageContentSecurityPolicy(NONCE, built)).has("upgrade-insecure-requests")).toBe(false);
    expect(directives(pageContentSecurityPolicy(NONCE, nextDev)).has("upgrade-insecure-requests")).toBe(false);
  });
});

describe("createNonce", () => {
  it("is 128 random bits in base64, new each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});

describe("urlHoldsSecret", () => {
  it.each([
    "/en/activate/Zm9vYmFy",
    "/ja/reset-password/abc_-123",
    "/zh/verify-email/abc",
    "/en/restore-email/abc/",
    // A path below the token (a 404) still has it in the URL.
    "/en/activate/abc/more",
    // Before next-intl adds the language, the redirect itself must not pass the token on.
    "/activate/abc",
    "/reset-password/abc",
    "/ja/checkout/local/authorize/abc",
    "/en/checkout/local/refunds/abc",
  ])("%s holds a secret", (pathname) => expect(urlHoldsSecret(pathname)).toBe(true));

  it.each([
    "/en",
    "/en/plans/docomo-3gb-7d",
    "/en/esims/abc",
    "/en/login",
    "/en/reset-password",
    "/fr/activate/abc",
    "/en/checkout/local/cs_test_abc",
    "/api/v1/esims",
  ])("%s does not", (pathname) => expect(urlHoldsSecret(pathname)).toBe(false));
});

describe("securityHeaders", () => {
  it("keeps a token page's URL to itself and sends only the origin from every other page", () => {
    expect(headersOf("/en/activate/abc", built, NONCE)["Referrer-Policy"]).toBe("no-referrer");
    expect(headersOf("/en/plans", built, NONCE)["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(headersOf("/api/health", built)["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
  });

  it("gives pages their nonce policy and everything else a policy that allows nothing", () => {
    expect(headersOf("/en/login", built, NONCE)["Content-Security-Policy"]).toBe(
      pageContentSecurityPolicy(NONCE, built),
    );
    expect(headersOf("/api/v1/esims", production)["Content-Security-Policy"]).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
  });

  it("always forbids sniffing and the device features, and asks for https in production only", () => {
    for (const settings of [built, production, nextDev]) {
      const headers = headersOf("/en", settings, NONCE);
      expect(headers["X-Content-Type-Options"]).toBe("nosniff");
      expect(headers["Permissions-Policy"]).toMatch(/(^|, )camera=\(\)/);
      for (const feature of ["microphone", "geolocation", "payment", "usb"])
        expect(headers["Permissions-Policy"]).toContain(`${feature}=()`);
    }
    expect(headersOf("/en", production, NONCE)["Strict-Transport-Security"]).toBe(
      "max-age=63072000; includeSubDomains",
    );
    expect(headersOf("/api/health", production)["Strict-Transport-Security"]).toBeDefined();
    expect(headersOf("/en", built, NONCE)).not.toHaveProperty("Strict-Transport-Security");
    expect(headersOf("/en", nextDev, NONCE)).not.toHaveProperty("Strict-Transport-Security");
  });
});
