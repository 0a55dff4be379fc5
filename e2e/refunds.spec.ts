import { buyEsim, expect, payWithCard, test } from "./fixtures";
import { waitForEmail } from "./mail";

test("a top-up paid after the grace window closed is refunded, and the order history says why", async ({ page }) => {
  // Eleven simulated days, a server action each.
  test.slow();
  const user = await buyEsim(page, "au-1gb-3d");
  await page.goto("/en/dashboard");
  await page.getByRole("link", { name: "Balance, top-up and install" }).click();
  await expect(page).toHaveURL(/\/en\/esims\//);
  const esimPage = page.url();
  await page.getByRole("button", { name: "Phone downloads the profile" }).click();
  await page.getByRole("button", { name: "Phone installs it" }).click();
  await page.getByRole("button", { name: "Use 500 MB" }).click();
  await expect(page.getByTestId("esim-state")).toHaveText("Active on the network");

  // The checkout opens while top-ups are possible; the payment arrives after they closed.
  await page.getByRole("button", { name: "Buy for ¥850" }).click();
  await expect(page.getByTestId("amount-due")).toHaveText("¥850");
  const checkout = page.url();
  await page.goto(esimPage);
  const advance = page.getByRole("button", { name: "Advance the clock by a day" });
  for (let day = 0; day < 11; day += 1) {
    await advance.click();
    await expect(advance).toBeEnabled();
  }
  await expect(page.getByText("can no longer be topped up")).toBeVisible();
  await page.goto(checkout);
  await payWithCard(page, "4242 4242 4242 4242");

  await expect(
    page.getByRole("heading", { name: "The top-up could not be added — your payment was refunded" }),
  ).toBeVisible();
  await expect(page.getByTestId("refund-reason")).toContainText("its plan had ended more than 7 days before");
  await expect(page.getByRole("link", { name: "Buy a new eSIM" })).toBeVisible();
  await page.getByRole("link", { name: "See my orders" }).click();
  const topUp = page.getByTestId("order-row").filter({ hasText: "Top-up KDDI au 1 GB · 7 days" });
  await expect(topUp.getByTestId("order-status")).toContainText("Refunded");
  await expect(topUp.getByTestId("order-status")).toContainText("could no longer be topped up");
  await waitForEmail(user.email, /^Refund for your Tabi order TB-/);
});
