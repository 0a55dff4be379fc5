import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

// Plans are named "<carrier> <data> · <days>", e.g. "SoftBank 2 GB · 5 days".
const plans = (page: Page, carrier?: string) =>
  page.getByRole("article", carrier ? { name: new RegExp(`^${carrier} `) } : undefined);

test("the plans page lists plans of all three carriers", async ({ page }) => {
  await page.goto("/en/plans");
  await expect(page.getByRole("heading", { level: 1, name: "eSIM plans for Japan" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "12 plans" })).toBeVisible();
  for (const carrier of ["NTT Docomo", "KDDI au", "SoftBank"]) {
    await expect(plans(page, carrier)).toHaveCount(4);
  }
  const allPlans = page.getByRole("region", { name: "Filter plans" }).getByRole("link", { name: "All" });
  await expect(allPlans.first()).toHaveAttribute("aria-current", "true");
});

test("filtering by carrier and then by kind narrows the list", async ({ page }) => {
  await page.goto("/en/plans");
  const filters = page.getByRole("region", { name: "Filter plans" });

  await filters.getByRole("link", { name: "KDDI au" }).click();
  await expect(page).toHaveURL(/\/en\/plans\?carrier=au(#filters)?$/);
  await expect(filters.getByRole("link", { name: "KDDI au" })).toHaveAttribute("aria-current", "true");
  await expect(plans(page)).toHaveCount(4);
  await expect(plans(page, "NTT Docomo")).toHaveCount(0);
  await expect(plans(page, "SoftBank")).toHaveCount(0);

  await filters.getByRole("link", { name: "Unlimited" }).click();
  await expect(page).toHaveURL(/\/en\/plans\?carrier=au&kind=unlimited(#filters)?$/);
  await expect(plans(page)).toHaveCount(2);
  await expect(page.getByRole("article", { name: "KDDI au Unlimited · 15 days" })).toBeVisible();
  await expect(page.getByRole("article", { name: "KDDI au 1 GB · 3 days" })).toHaveCount(0);

  await filters.getByRole("link", { name: "Clear filters" }).click();
  await expect(plans(page)).toHaveCount(12);
});

test("filters work from the address alone and explain an empty result", async ({ page }) => {
  await page.goto("/en/plans?carrier=docomo&kind=data&duration=long");
  await expect(page.getByText("No plan matches all of these filters.")).toBeVisible();
  await page.getByRole("link", { name: "Show all plans" }).click();
  await expect(plans(page)).toHaveCount(12);
});

test("the guide's suggestions apply their filters", async ({ page }) => {
  await page.goto("/en/plans");
  await page.getByRole("link", { name: "1–3 GB data packs" }).click();
  await expect(page).toHaveURL(/\/en\/plans\?kind=data&duration=week(#filters)?$/);
  await expect(plans(page)).toHaveCount(3);
});

test("SoftBank plans show the running sale with the old price", async ({ page }) => {
  await page.goto("/en/plans?carrier=softbank");
  const card = page.getByRole("article", { name: "SoftBank 2 GB · 5 days" });
  await expect(card.getByText("Sale: 20% off")).toBeVisible();
  await expect(card.getByText("¥1,024", { exact: true })).toBeVisible();
  await expect(card.getByText("¥1,280", { exact: true })).toBeVisible();
  await expect(card.getByText("was ¥1,280")).toBeAttached();
  await expect(card.getByText(/^Sale ends .+ JST$/)).toBeVisible();
});

test("docomo's 3 GB plan shows the buy-one-get-one offer", async ({ page }) => {
  await page.goto("/en/plans");
  const card = page.getByRole("article", { name: "NTT Docomo 3 GB · 7 days" });
  await expect(card.getByText("Buy one, get one free")).toBeVisible();
  await expect(card.getByText("¥1,980")).toBeVisible();
  await expect(
    page.getByRole("article", { name: "NTT Docomo 10 GB · 15 days" }).getByText("Buy one, get one free"),
  ).toHaveCount(0);
});

test("a plan page shows what the plan includes, its fair-use rule and a buy link", async ({ page }) => {
  await page.goto("/en/plans");
  await page.getByRole("link", { name: "KDDI au Unlimited · 15 days" }).click();
  await expect(page).toHaveURL("/en/plans/au-unlimited-15d");
  await expect(page).toHaveTitle(/^KDDI au Unlimited · 15 days/);

  const included = page.getByRole("region", { name: "What's included" });
  await expect(included.getByText("Unlimited", { exact: true })).toBeVisible();
  await expect(included.getByText("Full speed up to 2 GB a day, then 1 Mbps until midnight JST")).toBeVisible();
  await expect(included.getByText("15 days")).toBeVisible();
  await expect(included.getByText("30 minutes")).toBeVisible();
  await expect(page.getByRole("heading", { name: "How “unlimited” works" })).toBeVisible();
  await expect(page.getByText("the plan ends at 23:59:59 JST")).toBeVisible();
  await expect(page.getByText("PLMN code 44050")).toBeVisible();
  await expect(page.getByRole("link", { name: "Buy now" })).toHaveAttribute(
    "href",
    "/en/plans/au-unlimited-15d/checkout",
  );
});

test("a data pack's page shows its data and no fair-use section", async ({ page }) => {
  await page.goto("/en/plans/docomo-3gb-7d");
  const included = page.getByRole("region", { name: "What's included" });
  await expect(included.getByText("3 GB")).toBeVisible();
  await expect(included.getByText("7 days")).toBeVisible();
  await expect(page.getByRole("heading", { name: "How “unlimited” works" })).toHaveCount(0);
  await expect(page.getByText("Buy one, get one free")).toBeVisible();
});

test("an unknown or malformed plan answers 404", async ({ page }) => {
  expect((await page.goto("/en/plans/no-such-plan"))?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  expect((await page.goto("/en/plans/Not_A_Slug"))?.status()).toBe(404);
});

test("the plans work in Japanese", async ({ page }) => {
  await page.goto("/ja/plans");
  await expect(page.getByRole("heading", { level: 1, name: "日本旅行向け eSIM プラン" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "プランを絞り込む" })).toBeVisible();
  await expect(
    page.getByRole("article", { name: "SoftBank 2 GB・5日間" }).getByText("￥1,024", { exact: true }),
  ).toBeVisible();

  await page.goto("/ja/plans/softbank-unlimited-30d");
  await expect(page.getByRole("link", { name: "今すぐ購入" })).toHaveAttribute(
    "href",
    "/ja/plans/softbank-unlimited-30d/checkout",
  );
  await expect(page.getByText("1日 3 GB まで高速、その後は日本時間の午前0時まで 1 Mbps")).toBeVisible();
});
