import type { Page } from "@playwright/test";
import { expect, newTraveller, register, test } from "./fixtures";

const DAY_MS = 86_400_000;
// The page shows times in Japan time, as "Mar 2, 2027, 9:30 AM"; the date part is enough here.
const jstDate = (instant: number) =>
  new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "Asia/Tokyo" }).format(instant);

async function createToken(page: Page, name: string, password: string) {
  await page.getByLabel("Token name").fill(name);
  await page.getByLabel("Your current password").fill(password);
  await page.getByRole("button", { name: "Create token" }).click();
}

const listEsims = (page: Page, token: string) =>
  page.request.get("/api/v1/esims", { headers: { authorization: `Bearer ${token}` } });

test("a token takes the password, is shown once, and lists its expiry and last use", async ({ page }) => {
  const user = newTraveller();
  await register(page, user);
  await page.goto("/en/api-tokens");
  await expect(page.getByLabel("Expires")).toHaveValue("90");

  await createToken(page, "Booking system", "not my password");
  await expect(page.getByText("This is not your current password.")).toBeVisible();
  await expect(page.getByLabel("Your current password")).toHaveAttribute("aria-invalid", "true");
  // The password is never sent back; the name is.
  await expect(page.getByLabel("Your current password")).toHaveValue("");
  await expect(page.getByLabel("Token name")).toHaveValue("Booking system");
  await expect(page.getByTestId("new-api-token")).toHaveCount(0);
  await expect(page.getByText("You have no API tokens yet.")).toBeVisible();

  const before = Date.now();
  await createToken(page, "Booking system", user.password);
  const token = await page.getByTestId("new-api-token").inputValue();
  expect(token).toMatch(/^tabi_[A-Za-z0-9_-]{43}$/);
  const row = page.getByTestId("api-token-row");
  await expect(row).toHaveCount(1);
  const cells = row.getByRole("cell");
  await expect(cells.nth(3)).toHaveText("Never");
  const expiry = await cells.nth(4).innerText();
  expect([jstDate(before + 90 * DAY_MS), jstDate(Date.now() + 90 * DAY_MS)].some((date) => expiry.includes(date))).toBe(
    true,
  );
  await expect(cells.nth(5)).toHaveText("Active");

  expect((await listEsims(page, token)).status()).toBe(200);
  await page.reload();
  // Shown once: only its prefix is left on the page.
  await expect(page.getByTestId("new-api-token")).toHaveCount(0);
  await expect(row.getByRole("cell").nth(1)).toHaveText(`${token.slice(0, 12)}…`);
  await expect(row.getByRole("cell").nth(3)).toContainText(jstDate(Date.now()));
});

test("a token with no expiry says so, and stops working when every device is logged out", async ({ page }) => {
  const user = newTraveller();
  await register(page, user);
  await page.goto("/en/api-tokens");
  await page.getByLabel("Expires").selectOption({ label: "Never" });
  await createToken(page, "Home server", user.password);
  const token = await page.getByTestId("new-api-token").inputValue();
  await expect(page.getByTestId("api-token-row").getByRole("cell").nth(4)).toHaveText("Never");
  expect((await listEsims(page, token)).status()).toBe(200);

  await page.goto("/en/account");
  await page.getByRole("button", { name: "Log out of all devices" }).click();
  await expect(page).toHaveURL("/en/login?signedOut=everywhere");
  const refused = await listEsims(page, token);
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ error: { code: "invalid_token" } });
});
