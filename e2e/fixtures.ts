import { randomUUID } from "node:crypto";
import { test as base, type Browser, type BrowserContext, expect, type Page } from "@playwright/test";
import { uniqueIp } from "../lib/testing/users";
import { AccessibilityAudit } from "./accessibility";
import { linkIn, waitForEmail } from "./mail";

export { expect };

// Calls onContext for the test's context and for each context it creates; returns how to stop.
function onEveryContext(
  browser: Browser,
  context: BrowserContext,
  onContext: (context: BrowserContext) => void,
): () => void {
  onContext(context);
  browser.on("context", onContext);
  return () => browser.off("context", onContext);
}

// Calls onPage for each page open now or opened later, in the test's context or in any context
// it creates; returns how to stop.
function onEveryPage(browser: Browser, context: BrowserContext, onPage: (page: Page) => void): () => void {
  return onEveryContext(browser, context, (watched) => {
    watched.pages().forEach(onPage);
    watched.on("page", onPage);
  });
}

// Runs in every document before its own scripts: whatever the Content-Security-Policy blocks
// (or would only report) becomes a console error, which fails the test like any other. The
// browser's own message is not enough: a blocked eval that the page catches logs nothing.
function reportPolicyViolations() {
  document.addEventListener("securitypolicyviolation", (event) => {
    const where = event.sourceFile ? ` at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}` : "";
    console.error(
      `Content-Security-Policy violation: ${event.effectiveDirective} blocked ${event.blockedURI || "(no URI)"}${where}`,
    );
  });
}

// Every test is checked with axe on each page it opens, in its own context or in one it creates.
export const test = base.extend<{ accessibility: AccessibilityAudit; browserErrors: void }>({
  // A client address of the test's own, as the proxy in front of the app would report it
  // (playwright.config.ts); every context the test opens sends it.
  extraHTTPHeaders: [
    async ({}, use) => {
      await use({ "x-forwarded-for": uniqueIp() });
    },
    { scope: "test" },
  ],
  accessibility: [
    async ({ browser, context, javaScriptEnabled }, use, testInfo) => {
      const audit = new AccessibilityAudit();
      // axe runs as script in the page: a test that turns JavaScript off checks the same pages
      // that other tests scan with it on.
      if (javaScriptEnabled === false) {
        await use(audit);
        testInfo.annotations.push({
          type: "accessibility",
          description: "not scanned: JavaScript is off in this test",
        });
        return;
      }
      const stop = onEveryPage(browser, context, (page) => audit.watch(page));
      await use(audit);
      stop();
      // After a failure the page may be anywhere; that failure is what the test should report.
      await audit.finish({ scanOpenPages: testInfo.status === testInfo.expectedStatus });
      testInfo.annotations.push({ type: "accessibility", description: audit.summary() });
      const report = audit.report();
      if (report) throw new Error(report);
    },
    { auto: true },
  ],
  // Script errors and console errors in any page the test opens fail it: a missing translation
  // (next-intl reports it there), a failed hydration, an uncaught exception or anything the
  // Content-Security-Policy blocks. Failed resource
  // loads are left out: tests open error pages and rate-limited forms on purpose.
  browserErrors: [
    async ({ browser, context }, use) => {
      const errors: string[] = [];
      // The test's own context is ready before the test starts; one it creates registers the
      // script before its first page opens, and any failure to do so surfaces at the end.
      const registrations: Promise<unknown>[] = [];
      const stopReporting = onEveryContext(browser, context, (watched) => {
        registrations.push(watched.addInitScript(reportPolicyViolations));
      });
      await Promise.all(registrations);
      const stop = onEveryPage(browser, context, (page) => {
        page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
        page.on("console", (message) => {
          if (message.type() === "error" && !message.text().startsWith("Failed to load resource"))
            errors.push(`${page.url()}: ${message.text()}`);
        });
      });
      await use();
      stop();
      stopReporting();
      await Promise.all(registrations);
      if (errors.length) throw new Error(`Errors in the browser:\n${errors.join("\n")}`);
    },
    { auto: true },
  ],
});

export const PASSWORD = "correct horse battery";

export type TestUser = { name: string; email: string; password: string };

// A new account per test, so tests can run in parallel without sharing state.
export function newTraveller(): TestUser {
  return { name: "Aiko Tanaka", email: `aiko-${randomUUID()}@example.test`, password: PASSWORD };
}

export async function register(page: Page, user: TestUser, locale = "en") {
  await page.goto(`/${locale}/register`);
  await page.getByLabel("Name").fill(user.name);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(`/${locale}/account`);
}

export async function logIn(page: Page, user: Pick<TestUser, "email" | "password">) {
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Log in" }).click();
}

// The same account signed in from a second browser: another device.
export async function signInElsewhere(browser: Browser, user: Pick<TestUser, "email" | "password">): Promise<Page> {
  const device = await browser.newPage();
  await device.goto("/en/login");
  await logIn(device, user);
  await expect(device).toHaveURL("/en/account");
  return device;
}

export async function logOut(page: Page, locale = "en") {
  await page.getByRole("button", { name: "Log out", exact: true }).click();
  await expect(page).toHaveURL(`/${locale}`);
}

export async function payWithCard(page: Page, cardNumber: string) {
  await page.getByLabel("Card number").fill(cardNumber);
  await page.getByLabel("Expiry (MM / YY)").fill("12 / 34");
  await page.getByLabel("CVC").fill("123");
  await page.getByRole("button", { name: /^Pay / }).click();
}

export async function startCheckout(page: Page, planSlug: string) {
  await page.goto(`/en/plans/${planSlug}/checkout`);
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page).toHaveURL(/\/en\/checkout\/local\/cs_test_/);
}

// A new traveller who has just bought an eSIM of the plan, left on the order's success page.
export async function buyEsim(page: Page, planSlug: string): Promise<TestUser> {
  const user = newTraveller();
  await register(page, user);
  await startCheckout(page, planSlug);
  await payWithCard(page, "4242 4242 4242 4242");
  await expect(page.getByTestId("iccid")).toBeVisible();
  return user;
}

// Opens the confirmation link emailed to the address.
export async function confirmEmailFromInbox(page: Page, address: string) {
  await page.goto(
    linkIn(await waitForEmail(address, /^Confirm your email address$/), /\/en\/verify-email\/[A-Za-z0-9_-]{43}/),
  );
  await expect(page.getByRole("heading", { name: "Email address confirmed" })).toBeVisible();
}

// From the forgot-password page: asks for a reset link and returns the one the email carries.
export async function emailedResetLink(page: Page, email: string): Promise<string> {
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByText("If an account exists for that address")).toBeVisible();
  return linkIn(await waitForEmail(email, /^Reset your Tabi password$/), /\/en\/reset-password\/[A-Za-z0-9_-]{43}/);
}
