import { expect, newTraveller, payWithCard, register, test } from "./fixtures";

test("a logged-out visitor registers on the way to checkout and stays logged in after paying", async ({ page }) => {
  const user = newTraveller();
  await page.goto("/en/plans/au-1gb-3d/checkout");
  await expect(page).toHaveURL("/en/login?callbackUrl=%2Fen%2Fplans%2Fau-1gb-3d%2Fcheckout");

  await page.getByRole("link", { name: "Create an account" }).click();
  await page.getByLabel("Name").fill(user.name);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page).toHaveURL("/en/plans/au-1gb-3d/checkout");
  await page.getByRole("button", { name: /^Pay / }).click();
  await payWithCard(page, "4242 4242 4242 4242");
  await expect(page.getByRole("heading", { name: "Payment received — your eSIM is ready" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Log out" })).toBeVisible();
});

test("someone else's checkout session and success page answer 404", async ({ page, browser }) => {
  // Every page is scanned for accessibility on the way.
  test.slow();
  await register(page, newTraveller());
  await page.goto("/en/plans/au-1gb-3d/checkout");
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page).toHaveURL(/\/checkout\/local\/cs_test_/);
  const checkoutUrl = page.url();
  const sessionId = checkoutUrl.split("/").pop()!;

  const other = await browser.newPage();
  await register(other, newTraveller());

  expect((await other.goto(checkoutUrl))?.status()).toBe(404);
  expect((await other.goto(`/en/checkout/success?session_id=${sessionId}`))?.status()).toBe(404);
  expect((await other.goto(`${checkoutUrl}/events`))?.status()).toBe(404);
  expect((await other.goto(`${checkoutUrl}/authenticate`))?.status()).toBe(404);
  expect((await other.goto(`${checkoutUrl}?method=konbini`))?.status()).toBe(404);
  // Pages opened from a link (a wallet's QR code, a refund email) answer only to their link.
  const unknownLink = "A".repeat(43);
  expect((await other.goto(`/en/checkout/local/authorize/${unknownLink}`))?.status()).toBe(404);
  expect((await other.goto(`/en/checkout/local/refunds/${unknownLink}`))?.status()).toBe(404);
  expect((await other.goto("/en/checkout/local/authorize/not-a-token"))?.status()).toBe(404);
  await other.close();
});
