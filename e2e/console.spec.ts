import { randomUUID } from "node:crypto";
import type { Browser } from "@playwright/test";
import { buyEsim, expect, newTraveller, payWithCard, register, test } from "./fixtures";
import { emailsTo, waitForEmail } from "./mail";
import { newStaffMember, openConsole } from "./staff";

// A traveller who has just bought an eSIM, in a browser of their own (staff use another).
async function travellerWithEsim(browser: Browser) {
  const page = await (await browser.newContext()).newPage();
  const user = await buyEsim(page, "au-1gb-3d");
  const iccid = (await page.getByTestId("iccid").first().textContent())!.trim();
  return { page, user, iccid };
}

test("the console is a 404 for visitors and customers, on every page", async ({ page }) => {
  for (const path of ["/en/admin", "/en/admin/search?q=tabi", "/en/admin/promotions", "/en/admin/audit-log"]) {
    expect((await page.goto(path))?.status(), `${path} for a visitor`).toBe(404);
  }
  await register(page, newTraveller());
  for (const path of ["/en/admin", "/en/admin/promotions/new", "/en/admin/catalog", "/en/admin/outbox"]) {
    expect((await page.goto(path))?.status(), `${path} for a customer`).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
});

test("an admin creates a promo code that a customer then uses", async ({ page, browser }) => {
  const admin = await newStaffMember(page, "ADMIN");
  await openConsole(page, admin, "/admin/promotions/new");
  const code = `SPRING-${randomUUID().slice(0, 8).toUpperCase()}`;
  await page.getByLabel("Code").fill(code);
  await page.getByLabel("Yen off (JPY)").check();
  await page.getByLabel("Amount").fill("300");
  await page.getByLabel("Redemption limit").fill("5");
  await page.getByRole("button", { name: "Create code" }).click();
  await expect(page.getByRole("status")).toContainText(`Code ${code} created.`);
  await page.getByRole("link", { name: "Open it" }).click();
  await expect(page.getByRole("heading", { name: code })).toBeVisible();
  await expect(page.getByText("Nobody has used this code yet.")).toBeVisible();

  const customer = await browser.newPage();
  await register(customer, newTraveller());
  await customer.goto("/en/plans/au-1gb-3d/checkout");
  await customer.getByLabel("Promo code (optional)").fill(code.toLowerCase());
  await customer.getByRole("button", { name: "Update total" }).click();
  await expect(customer.getByTestId("checkout-total")).toHaveText("¥680");
  await customer.getByRole("button", { name: "Pay ¥680" }).click();
  await payWithCard(customer, "4242 4242 4242 4242");
  await expect(customer.getByRole("heading", { name: "Payment received — your eSIM is ready" })).toBeVisible();

  await page.reload();
  await expect(page.getByTestId("redemptions-table")).toContainText("¥300");
  await expect(page.getByText("1 / 5")).toBeVisible();
});

test("support finds an order by ICCID, resends the activation email and suspends the eSIM", async ({
  page,
  browser,
}) => {
  test.slow();
  const traveller = await travellerWithEsim(browser);
  await waitForEmail(traveller.user.email, /^Your eSIM is ready/);
  const support = await newStaffMember(page, "SUPPORT");
  await openConsole(page, support, "/admin/search");

  await page.getByLabel("Email, name, order reference, ICCID, EID, payment id or promo code").fill(traveller.iccid);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  const results = page.getByTestId("search-results");
  await expect(results.getByRole("row")).toHaveCount(2);
  await results.getByRole("link", { name: traveller.iccid }).click();
  await expect(page).toHaveURL(/\/en\/admin\/esims\//);
  await expect(page.getByRole("main")).toContainText(`ICCID${traveller.iccid}`);
  await page.getByRole("link", { name: /^TB-/ }).first().click();
  await expect(page).toHaveURL(/\/en\/admin\/orders\/TB-/);
  await expect(page.getByTestId("order-facts")).toContainText(traveller.user.email);
  await expect(page.getByTestId("order-timeline")).toContainText("Payment attempt with card: succeeded");
  await page.goBack();

  await page.getByRole("button", { name: "Resend the email" }).click();
  await expect(page.getByText(`Queued for ${traveller.user.email}.`)).toBeVisible();
  await expect.poll(async () => (await emailsTo(traveller.user.email, /^Your eSIM is ready/)).length).toBe(2);

  await page.getByLabel("Reason (optional, shown to staff only)").fill("Reported stolen by phone");
  await page.getByRole("button", { name: "Suspend the eSIM" }).click();
  await expect(page.getByText(`Suspended by ${support.email} since`)).toBeVisible();
  await expect(page.getByRole("button", { name: "Resume the eSIM" })).toBeVisible();

  await traveller.page.goto("/en/dashboard");
  await expect(traveller.page.getByText("Suspended by support since")).toBeVisible();
});

test("a partial refund shows on the customer's orders page and in their email", async ({ page, browser }) => {
  const traveller = await travellerWithEsim(browser);
  const admin = await newStaffMember(page, "ADMIN");
  await openConsole(page, admin, "/admin/search");
  await page
    .getByLabel("Email, name, order reference, ICCID, EID, payment id or promo code")
    .fill(traveller.user.email);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await page.getByTestId("search-results").getByRole("link", { name: traveller.user.name }).click();
  await page.getByRole("link", { name: /^TB-/ }).first().click();
  await expect(page).toHaveURL(/\/en\/admin\/orders\/TB-[A-Z0-9]{8}$/);
  const reference = page.url().split("/").at(-1)!;

  const refund = page.getByTestId("refund-form");
  await refund.getByLabel("Amount (JPY)").fill("300");
  await refund.getByLabel("Reason").selectOption("service_problem");
  await refund.getByLabel("Note (optional)").fill("Slow data in Osaka on day one");
  await refund.getByRole("button", { name: "Refund" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Refunded. ¥680 is left to refund." })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("order-timeline")).toContainText("Refund of ¥300 (Service problem)");

  await traveller.page.goto("/en/orders");
  const row = traveller.page.getByTestId("order-row").first();
  await expect(row.getByTestId("order-status")).toContainText("Partly refunded");
  await expect(row.getByTestId("refunded-amount")).toHaveText("¥300 refunded");
  const email = await waitForEmail(traveller.user.email, new RegExp(`^Refund for your Tabi order ${reference}$`));
  expect(email.text).toContain("We have refunded ¥300 for order");
  expect(email.text).toContain("part of the ¥980 you paid");
});

test("an admin opens every console section, in each language, with a customer's page", async ({ page, browser }) => {
  test.slow();
  const traveller = await travellerWithEsim(browser);
  const admin = await newStaffMember(page, "ADMIN");
  await openConsole(page, admin, "/admin");
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  const sections: [string, string][] = [
    ["/admin/outbox", "Email outbox"],
    ["/admin/webhook-events", "Webhook events"],
    ["/admin/audit-log", "Audit log"],
    ["/admin/catalog", "Catalog"],
    ["/admin/promotions", "Promotions"],
  ];
  for (const [path, heading] of sections) {
    await page.goto(`/en${path}`);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  }
  for (const locale of ["ja", "zh"]) {
    for (const path of ["/admin", ...sections.map(([section]) => section), "/admin/search?q=tabi"]) {
      expect((await page.goto(`/${locale}${path}`))?.status(), `/${locale}${path}`).toBe(200);
    }
  }
  await page.goto(`/en/admin/search?q=${encodeURIComponent(traveller.user.email)}`);
  await page.getByTestId("search-results").getByRole("link", { name: traveller.user.name }).click();
  await expect(page.getByRole("heading", { level: 1, name: traveller.user.name })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(traveller.iccid);
});
