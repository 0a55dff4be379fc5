import { expect, test } from "./fixtures";

test("the language switcher turns the page into Japanese and Chinese and remembers it", async ({ page }) => {
  await page.goto("/en/register");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const languages = page.getByRole("navigation", { name: "Language" });

  await languages.getByRole("link", { name: "日本語" }).click();
  await expect(page).toHaveURL("/ja/register");
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await expect(page.getByRole("heading", { name: "アカウントを作成" })).toBeVisible();
  await expect(page.getByLabel("メールアドレス")).toBeVisible();

  await page.getByRole("navigation", { name: "言語" }).getByRole("link", { name: "简体中文" }).click();
  await expect(page).toHaveURL("/zh/register");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
  await expect(page.getByRole("heading", { name: "创建账户" })).toBeVisible();

  // The choice is remembered: the bare address opens in Chinese.
  await page.goto("/");
  await expect(page).toHaveURL("/zh");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("落地日本，即刻联网");
});

test("prices are formatted for each language", async ({ page }) => {
  await page.goto("/en");
  await expect(page.getByText("from ¥980")).toBeVisible();
  await page.goto("/ja");
  await expect(page.getByText("￥980〜")).toBeVisible();
});

test("an unknown page or language answers 404 in the visitor's language", async ({ page }) => {
  const response = await page.goto("/ja/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "ページが見つかりません" })).toBeVisible();

  const unknownLocale = await page.goto("/fr/login");
  expect(unknownLocale?.status()).toBe(404);
});
