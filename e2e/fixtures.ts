import { randomUUID } from "node:crypto";
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import { AccessibilityAudit } from "./accessibility";
import { linkIn, waitForEmail } from "./mail";

export { expect };

// Every test is checked with axe on each page it opens, in its own context or in one it creates.
export const test = base.extend<{ accessibility: AccessibilityAudit }>({
  accessibility: [
    async ({ browser, context, javaScriptEnabled }, use, testInfo) => {
      const audit = new AccessibilityAudit();
      // axe runs as script in the page: a test that turns JavaScript off checks the same pages
      // that other tests scan with it on.
      if (javaScriptEnabled === false) {
        await use(audit);
        testInfo.annotations.push({ type: "accessibility", description: "not scanned: JavaScript is off in this test" });
        return;
      }
      const watchContext = (watched: BrowserContext) => {
        watched.pages().forEach((page) => audit.watch(page));
        watched.on("page", (page) => audit.watch(page));
      };
      watchContext(context);
      browser.on("context", watchContext);
      await use(audit);
      browser.off("context", watchContext);
      // After a failure the page may be anywhere; that failure is what the test should report.
      await audit.finish({ scanOpenPages: testInfo.status === testInfo.expectedStatus });
      testInfo.annotations.push({ type: "accessibility", description: audit.summary() });
      const report = audit.report();
      if (report) throw new Error(report);
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

// From the forgot-password page: asks for a reset link and returns the one the email carries.
export async function emailedResetLink(page: Page, email: string): Promise<string> {
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByText("If an account exists for that address")).toBeVisible();
  return linkIn(await waitForEmail(email, /^Reset your Tabi password$/), /\/en\/reset-password\/[A-Za-z0-9_-]{43}/);
}
