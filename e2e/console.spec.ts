import { randomUUID } from "node:crypto";
import { expect, newTraveller, payWithCard, register, test } from "./fixtures";
import { newStaffMember, openConsole } from "./staff";

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
