import { buyEsim, expect, payWithCard, test } from "./fixtures";
import { waitForEmail } from "./mail";

test("usage past 75 % alerts by email and on the dashboard, and a top-up grows the balance", async ({ page }) => {
  const user = await buyEsim(page, "docomo-3gb-7d");

  await page.goto("/en/dashboard");
  await expect(page.getByTestId("esim-balance")).toContainText("Not started");
  await page.getByRole("link", { name: "Balance, top-up and install" }).click();
  await page.getByRole("button", { name: "Phone downloads the profile" }).click();
  await expect(page.getByTestId("esim-state")).toHaveText("Downloaded to the phone");
  await page.getByRole("button", { name: "Phone installs it" }).click();
  await expect(page.getByTestId("esim-state")).toHaveText("Installed");

  // 5 × 500 MB of a 3 GB plan is 81 %. The first traffic is the first use on the network.
  for (let i = 1; i <= 5; i += 1) {
    await page.getByRole("button", { name: "Use 500 MB" }).click();
    await expect(page.getByTestId("data-left")).toHaveText(i < 5 ? /left of 3 GB/ : "572 MB left of 3 GB");
  }
  await expect(page.getByTestId("esim-state")).toHaveText("Active on the network");
  await expect(page.getByTestId("days-left")).toHaveText("7 days left");
  await expect(page.getByTestId("as-of")).toHaveText(/^As of .* JST$/);
  await expect(page.locator('[data-testid="usage-chart"] rect[data-bytes="used"]')).toHaveCount(1);

  const alert = await waitForEmail(user.email, /^75% of your eSIM data is used$/);
  expect(alert.text).toContain("NTT Docomo 3 GB · 7 days");
  await page.goto("/en/dashboard");
  await expect(page.getByTestId("notices")).toContainText("75% of the data of");

  await page.getByRole("link", { name: "Balance, top-up and install" }).click();
  await expect(page.getByTestId("top-up-window")).toContainText("JST");
  await page.getByRole("button", { name: "Buy for ¥880" }).click();
  await expect(page.getByTestId("amount-due")).toHaveText("¥880");
  await payWithCard(page, "4242 4242 4242 4242");
  await expect(page.getByRole("heading", { name: "Payment received — your top-up is added" })).toBeVisible();

  await page.getByRole("link", { name: "See the balance" }).click();
  await expect(page.getByTestId("data-left")).toHaveText("1.6 GB left of 4 GB");
  await expect(page.getByTestId("days-left")).toHaveText("14 days left");
  await waitForEmail(user.email, /^Your Tabi receipt for order/);
});

test("the simulated clock ends the plan and refuses further usage", async ({ page }) => {
  await buyEsim(page, "au-1gb-3d");
  await page.goto("/en/dashboard");
  await page.getByRole("link", { name: "Balance, top-up and install" }).click();
  await page.getByRole("button", { name: "Phone downloads the profile" }).click();
  await page.getByRole("button", { name: "Phone installs it" }).click();
  await page.getByRole("button", { name: "Make a 3-minute call" }).click();
  await expect(page.getByTestId("minutes-left")).toHaveText("12 of 15 min left");

  for (let day = 0; day < 3; day += 1) {
    await page.getByRole("button", { name: "Advance the clock by a day" }).click();
    await expect(page.getByText("The clock moved forward a day.")).toBeVisible();
  }
  await page.getByRole("button", { name: "Use 500 MB" }).click();
  await expect(page.getByText("The eSIM has ended: usage is refused.")).toBeVisible();
  await expect(page.getByTestId("top-up-window")).toContainText("Top-ups for this eSIM are possible until");
});
