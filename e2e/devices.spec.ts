import type { Locator, Page } from "@playwright/test";
import { buyEsim, expect, test } from "./fixtures";
import { linkIn, waitForEmail } from "./mail";

const phone = (page: Page, model: string) => page.getByRole("article", { name: model, exact: true });

// The value a phone's card gives for one fact, e.g. "One-tap install link".
const fact = (card: Locator, term: string) =>
  card.locator("dl > div").filter({ hasText: term }).getByRole("definition");

async function search(page: Page, query: string) {
  await page.getByLabel("Phone model").fill(query);
  await page.getByRole("button", { name: "Search" }).click();
}

test("a plan page leads to the checker, which shows an iPhone's one-tap install", async ({ page }) => {
  await page.goto("/en/plans/docomo-3gb-7d");
  await page.getByRole("link", { name: "Check your phone is compatible" }).click();
  await expect(page).toHaveURL("/en/devices");
  await expect(page).toHaveTitle(/^Does your phone support eSIM\?/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Will my phone work with a Tabi eSIM?");
  await expect(page.getByRole("heading", { name: /^All phones we know \(\d+\)$/ })).toBeVisible();

  await search(page, "iphone 15");
  await expect(page).toHaveURL(/\/en\/devices\?q=iphone\+15/);
  await expect(page.getByRole("heading", { name: "3 phones found" })).toBeVisible();
  const iphone = phone(page, "iPhone 15");
  await expect(iphone.getByText("Has eSIM")).toBeVisible();
  await expect(fact(iphone, "eSIM")).toHaveText("iOS 17 or later");
  await expect(fact(iphone, "QR code scan")).toHaveText("✓ Yes");
  await expect(fact(iphone, "Details typed by hand")).toHaveText("✓ Yes");
  await expect(fact(iphone, "One-tap install link")).toHaveText("iOS 17.4 or later");
  await expect(iphone.getByText("Models sold in mainland China have no eSIM")).toBeVisible();
  await expect(page.getByLabel("Phone model")).toHaveValue("iphone 15");
});

test("an Android phone shows that it has no install link, and the brand filter narrows the list", async ({ page }) => {
  await page.goto("/en/devices");
  await page.getByLabel("Brand").selectOption("Google");
  await search(page, "pixel 8");
  await expect(page).toHaveURL(/\/en\/devices\?q=pixel\+8&brand=google/);
  await expect(page.getByRole("heading", { name: "2 phones found" })).toBeVisible();

  const pixel = phone(page, "Pixel 8 / 8 Pro");
  await expect(fact(pixel, "eSIM")).toHaveText("Android 14 or later");
  await expect(fact(pixel, "QR code scan")).toHaveText("✓ Yes");
  await expect(fact(pixel, "One-tap install link")).toHaveText("Not on Android: scan the QR code or type the details");
  await expect(page.getByText("Android has no such link")).toBeVisible();
  await expect(page.getByLabel("Brand")).toHaveValue("google");

  await page.getByRole("link", { name: "Show all phones" }).click();
  await expect(page).toHaveURL("/en/devices");
  await expect(page.getByLabel("Phone model")).toHaveValue("");
});

test("a phone that is not in the list gets advice on checking it by hand", async ({ page }) => {
  await page.goto("/en/devices");
  await search(page, "qwerty phone 9000");
  await expect(page.getByRole("heading", { name: "0 phones found" })).toBeVisible();
  await expect(page.getByText("No phone in our list matches “qwerty phone 9000”")).toBeVisible();
  const results = page.getByRole("region", { name: "0 phones found" });
  await expect(results.getByText(/Settings › General › About/)).toBeVisible();
  await expect(results.getByText(/dial \*#06#/)).toBeVisible();
  await expect(results.getByText(/must be carrier-unlocked/)).toBeVisible();
  await expect(page.getByRole("article")).toHaveCount(0);
});

test("the checker speaks Japanese and understands model names typed in Japanese", async ({ page }) => {
  await page.goto("/ja/devices");
  await expect(page).toHaveTitle(/^お使いのスマートフォンは eSIM に対応していますか？/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("お使いのスマートフォンで Tabi eSIM は使えますか？");
  await expect(page.getByRole("heading", { name: "スマートフォンの確認方法" })).toBeVisible();

  await page.getByLabel("機種名").fill("アイフォン 15");
  await page.getByRole("button", { name: "検索" }).click();
  await expect(page.getByRole("heading", { name: "3 機種が見つかりました" })).toBeVisible();
  await expect(fact(phone(page, "iPhone 15"), "ワンタップのインストールリンク")).toHaveText("iOS 17.4 以降");

  await page.goto("/ja/devices?q=pixel+8");
  await expect(fact(phone(page, "Pixel 8 / 8 Pro"), "ワンタップのインストールリンク")).toHaveText(/^Android は非対応/);
});

test("an oversized or malformed search gets a clear message instead of results", async ({ page }) => {
  const response = await page.goto(`/en/devices?q=${"iphone".repeat(40)}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByText("Search with at most 50 characters, such as “iPhone 15” or “SM-S911”.")).toBeVisible();
  await expect(page.getByLabel("Phone model")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("article")).toHaveCount(0);

  await page.goto("/en/devices?q=iphone&q=pixel");
  await expect(page.getByText("This search could not be read.")).toBeVisible();

  // The message goes once the search is fixed.
  await search(page, "iphone air");
  await expect(page.getByRole("heading", { name: "1 phone found" })).toBeVisible();
  await expect(page.getByLabel("Phone model")).not.toHaveAttribute("aria-invalid");
});

test("the footer links to the checker from every page", async ({ page }) => {
  await page.goto("/en");
  await page.getByRole("contentinfo").getByRole("link", { name: "Phone compatibility checker" }).click();
  await expect(page).toHaveURL("/en/devices");
});

test("the activation page links to the checker", async ({ page }) => {
  const user = await buyEsim(page, "au-1gb-3d");
  const email = await waitForEmail(user.email, /^Your eSIM is ready/);
  await page.goto(linkIn(email, /\/en\/activate\/[A-Za-z0-9_-]{43}/));
  await page
    .getByRole("region", { name: "Before you start" })
    .getByRole("link", { name: "Check your phone is compatible" })
    .click();
  await expect(page).toHaveURL("/en/devices");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the search form still searches", async ({ page }) => {
    await page.goto("/zh/devices");
    await page.getByLabel("手机型号").fill("galaxy s24 ultra");
    await page.getByRole("button", { name: "搜索" }).click();
    await expect(page.getByRole("heading", { name: "找到 1 款手机" })).toBeVisible();
    await expect(fact(phone(page, "Galaxy S24 Ultra"), "一键安装链接")).toHaveText(/^Android 不支持/);
  });
});

// Each page is scanned with axe by the shared fixture, here at a phone's width.
test("the checker is accessible and fits a phone's screen", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  for (const path of [
    "/en/devices?q=iphone+16",
    "/en/devices?q=nothing+like+this",
    `/en/devices?q=${"x".repeat(60)}`,
  ]) {
    await page.goto(path);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});
