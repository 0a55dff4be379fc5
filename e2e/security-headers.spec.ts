// The security headers of lib/security-headers.ts as the browser receives them, and the nonce in
// the pages. That no page's own scripts or styles break the policy is checked on every page of
// every test (the violation listener in fixtures.ts).
import type { APIResponse, Page, Response } from "@playwright/test";
import { emailedResetLink, expect, logOut, newTraveller, register, test } from "./fixtures";

function nonceOf(policy: string | null): string {
  const nonce = /script-src [^;]*'nonce-([^']+)'/.exec(policy ?? "")?.[1];
  if (!nonce) throw new Error(`no script nonce in ${policy}`);
  return nonce;
}

function expectPagePolicy(response: Response | APIResponse) {
  const headers = response.headers();
  const policy = headers["content-security-policy"] ?? "";
  const directives = policy.split("; ");
  // Neither 'unsafe-inline' nor 'unsafe-eval' (that one is for `next dev` only).
  expect(directives.filter((directive) => directive.startsWith("script-src "))).toEqual([
    expect.stringMatching(/^script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'$/),
  ]);
  for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"])
    expect(directives).toContain(directive);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["permissions-policy"]).toContain("camera=()");
  // Not production: no HSTS on plain http.
  expect(headers["strict-transport-security"]).toBeUndefined();
  return nonceOf(policy);
}

// The nonce of every inline script in the page: Next writes the request's on each of them.
async function inlineScriptNonces(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.scripts].filter((script) => !script.src).map((script) => script.nonce ?? ""));
}

test("an emailed link's page keeps its URL to itself and runs only its own scripts", async ({ page }) => {
  const user = newTraveller();
  await register(page, user);
  await logOut(page);
  await page.goto("/en/forgot-password");
  const link = await emailedResetLink(page, user.email);

  const response = (await page.goto(link))!;
  expect(response.headers()["referrer-policy"]).toBe("no-referrer");
  const nonce = expectPagePolicy(response);
  const nonces = await inlineScriptNonces(page);
  expect(nonces.length).toBeGreaterThan(0);
  expect(new Set(nonces)).toEqual(new Set([nonce]));

  // Hydrated, so the form checks its fields before posting; leaving sends no Referer.
  await page.getByLabel("New password").fill("short");
  await page.getByRole("button", { name: "Save new password" }).click();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  const leaving = page.waitForRequest((request) => new URL(request.url()).pathname === "/en/forgot-password");
  await page.getByRole("link", { name: "Ask for a new link" }).first().click();
  expect(await (await leaving).allHeaders()).not.toHaveProperty("referer");
});

test("other pages send only their origin to other sites, and each view gets a new nonce", async ({ page, request }) => {
  const response = (await page.goto("/en/plans/docomo-3gb-7d"))!;
  expect(response.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  const nonce = expectPagePolicy(response);
  expect(new Set(await inlineScriptNonces(page))).toEqual(new Set([nonce]));
  // Within the app the Referer is the full URL, as before.
  const leaving = page.waitForRequest((request) => new URL(request.url()).pathname === "/en/plans");
  await page.getByRole("link", { name: "All plans" }).click();
  expect((await (await leaving).allHeaders()).referer).toBe(new URL("/en/plans/docomo-3gb-7d", page.url()).href);

  // The public pages were once served from a cache, with the nonce of whichever request had
  // rendered them; every response must carry its own, in the header and on its scripts.
  for (const path of ["/en", "/en/plans", "/en/plans?carrier=docomo", "/en/plans/docomo-3gb-7d"]) {
    const views = [await request.get(path), await request.get(path)];
    const seen = await Promise.all(
      views.map(async (view) => {
        const headerNonce = expectPagePolicy(view);
        const inPage = new Set([...(await view.text()).matchAll(/<script[^>]* nonce="([^"]+)"/g)].map((m) => m[1]));
        expect(inPage, path).toEqual(new Set([headerNonce]));
        return headerNonce;
      }),
    );
    expect(seen[0], path).not.toBe(seen[1]);
  }
});

test("route handlers and build files forbid sniffing, and route handlers allow nothing to load", async ({
  page,
  request,
}) => {
  const health = await request.get("/api/health");
  expect(health.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(health.headers()["x-content-type-options"]).toBe("nosniff");
  expect(health.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");

  await page.goto("/en");
  const script = await page.evaluate(() => [...document.scripts].find((s) => s.src.includes("/_next/static/"))!.src);
  expect((await request.get(script)).headers()["x-content-type-options"]).toBe("nosniff");
});
