import { devices, type Page } from "@playwright/test";
import { expect, logIn, test } from "./fixtures";

// The demo account is seeded at the start of the run and nothing here changes it: the tests
// only read, so they can share it.
const { defaultBrowserType, ...phone } = devices["Pixel 7"];
test.use(phone);

async function openDemoEsim(page: Page, status: string) {
  await page.goto("/en/login");
  await logIn(page, { email: "demo@tabi.test", password: "tabi-demo-2026" });
  await expect(page).toHaveURL("/en/account");
  await page.goto("/en/dashboard");
  await expect(page.getByTestId("esim-balance")).toHaveCount(3);
  await expect(page.getByTestId("notices")).toContainText("75% of the data of");
  await page
    .getByTestId("esim-balance")
    .filter({ hasText: status })
    .getByRole("link", { name: "Balance, top-up and install" })
    .click();
  await expect(page).toHaveURL(/\/en\/esims\//);
}

test("on a phone, the demo's active eSIM leads with its balance; the QR code is one tap away", async ({ page }) => {
  await openDemoEsim(page, "Active · Active on the network");
  const dataLeft = page.getByTestId("data-left");
  await expect(dataLeft).toHaveText(/left of 4 GB$/);
  await expect(dataLeft).toBeInViewport();
  // Six days of use, each a bar of the chart.
  await expect(page.locator('[data-testid="usage-chart"] rect[data-bytes="used"]')).toHaveCount(6);
  await expect(page.getByTestId("top-up-window")).toContainText("JST");

  const installDetails = page.getByText("Install details: QR code, activation code and steps");
  const qr = page.getByTestId("activation-qr");
  await expect(qr).toBeHidden();
  expect((await dataLeft.boundingBox())!.y).toBeLessThan((await installDetails.boundingBox())!.y);
  await installDetails.tap();
  await expect(qr).toBeVisible();
  await expect(page.getByTestId("activation-code")).toHaveText(/^LPA:1\$docomo\.smdp\.tabi\.test\$/);
});

test("the demo's eSIM that ended yesterday can still be topped up", async ({ page }) => {
  await openDemoEsim(page, "Ended · Active on the network");
  await expect(page.getByText(/^Ended /)).toBeVisible();
  await expect(page.getByTestId("top-up-window")).toContainText("Top-ups for this eSIM are possible until");
  await expect(page.getByRole("button", { name: "Buy for ¥850" })).toBeVisible();
});
