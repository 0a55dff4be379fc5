import { buyEsim, expect, newTraveller, payWithCard, register, startCheckout, test } from "./fixtures";
import { linkIn, waitForEmail } from "./mail";

const KONBINI = "Konbini (convenience store)";

// Each test pays through two or three pages and waits for background jobs and emails.
test.beforeEach(() => test.slow());

async function chooseMethod(page: import("@playwright/test").Page, name: string) {
  await page.getByRole("navigation", { name: "Payment method" }).getByRole("link", { name }).click();
  await expect(page.getByRole("link", { name, exact: true })).toHaveAttribute("aria-current", "page");
}

async function getVoucher(page: import("@playwright/test").Page, email: string, phone = "") {
  await chooseMethod(page, KONBINI);
  await page.getByLabel("Name", { exact: true }).fill("Aiko Tanaka");
  await page.getByLabel("Email for the voucher").fill(email);
  await page.getByLabel("Phone number (optional)").fill(phone);
  await page.getByRole("button", { name: "Get a payment voucher" }).click();
  await expect(page.getByTestId("konbini-voucher")).toBeVisible();
}

test("a Konbini voucher paid at once: the voucher on the page and by email, then the eSIM", async ({ page }) => {
  const user = newTraveller();
  await register(page, user);
  await startCheckout(page, "au-5gb-10d");

  // A malformed phone is explained, and nothing is issued.
  await chooseMethod(page, KONBINI);
  await page.getByLabel("Name", { exact: true }).fill("Aiko Tanaka");
  await page.getByLabel("Phone number (optional)").fill("12345");
  await page.getByRole("button", { name: "Get a payment voucher" }).click();
  await expect(page.getByText("Enter a phone number of 10 or 11 digits, or leave it empty.")).toBeVisible();

  await getVoucher(page, "aiko+succeed_immediately@example.test");
  await expect(page.getByTestId("voucher-deadline")).toHaveText(/^Pay by .* 11:59:59 PM JST$/);
  await expect(page.getByTestId("konbini-voucher")).toContainText("FamilyMart");
  await expect(page.getByTestId("confirmation-number")).toHaveText(/^\d{11}$/);
  const voucherEmail = await waitForEmail(user.email, /^Your convenience store voucher for Tabi order TB-/);
  expect(voucherEmail.text).toContain("Lawson");

  await page.getByRole("link", { name: "Return to Tabi" }).click();
  await expect(page.getByRole("heading", { name: "Payment received — your eSIM is ready" })).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByTestId("paid-with")).toHaveText(/^Paid at (FamilyMart|Lawson|Ministop|Seicomart)$/);
  await waitForEmail(user.email, /^Your eSIM is ready/);
  await page.goto("/en/orders");
  await expect(page.getByTestId("order-paid-with")).toHaveText(/^Paid at (FamilyMart|Lawson|Ministop|Seicomart)$/);
});

test("a Konbini voucher that expires at once closes the order and charges nothing", async ({ page }) => {
  await register(page, newTraveller());
  await startCheckout(page, "docomo-3gb-7d");
  await getVoucher(page, "aiko@example.test", "33333333330");
  await expect(page.getByTestId("confirmation-number")).toHaveText("33333333330");
  await page.getByRole("link", { name: "Return to Tabi" }).click();
  // The store's answer comes from a background job; the page follows it by itself.
  await expect(page.getByRole("heading", { name: "The voucher expired" })).toBeVisible({ timeout: 20_000 });
  await page.goto("/en/orders");
  const row = page.getByTestId("order-row").first();
  await expect(row.getByTestId("order-status")).toContainText("Failed");
  await expect(row.getByTestId("order-status")).toContainText("not paid before its deadline");
});

test("PayPay on a wide screen: a QR code, approved on the phone, and the checkout moves on by itself", async ({
  page,
  browser,
}) => {
  await register(page, newTraveller());
  await startCheckout(page, "softbank-2gb-5d");
  await chooseMethod(page, "PayPay");
  await page.getByRole("button", { name: "Continue to PayPay" }).click();
  await expect(page.getByTestId("authorization-qr")).toBeVisible();

  // The phone opens the QR code's page: it is not signed in, and needs not be.
  const href = await page.getByRole("link", { name: "Or pay on this device" }).getAttribute("href");
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await phone.goto(`${href}?scanned=1`);
  await phone.getByRole("button", { name: "Authorize test payment" }).click();
  await expect(phone.getByTestId("authorization-result")).toHaveText("The PayPay payment was authorized.");
  await expect(phone.getByText("return to the checkout on your other screen")).toBeVisible();
  await phone.close();

  await expect(page.getByRole("heading", { name: "Payment received — your eSIM is ready" })).toBeVisible({
    timeout: 15_000,
  });
  await expect(page.getByTestId("paid-with")).toHaveText("Paid with PayPay");
});

test("a failed PayPay payment returns to the checkout, which still takes a card", async ({ page }) => {
  await register(page, newTraveller());
  await startCheckout(page, "au-1gb-3d");
  await chooseMethod(page, "PayPay");
  await page.getByRole("button", { name: "Continue to PayPay" }).click();
  const authorization = page.getByRole("link", { name: "Or pay on this device" });
  const link = (await authorization.getAttribute("href"))!;
  await authorization.click();
  await page.getByRole("button", { name: "Fail test payment" }).click();
  await expect(page).toHaveURL(/\/en\/checkout\/local\/cs_test_\w+\?method=paypay$/);
  await expect(
    page.getByText("The PayPay payment was not authorized. Try again, or choose another payment method."),
  ).toBeVisible();

  // The failed attempt's page is over.
  await page.goto(link);
  await expect(page.getByTestId("authorization-result")).toHaveText("The PayPay payment failed.");
  await page.getByRole("link", { name: "Back to the checkout" }).click();
  // PayPay can be tried again with a new link, or another method chosen.
  await expect(page.getByRole("button", { name: "Continue to PayPay" })).toBeVisible();
  await chooseMethod(page, "Card");
  await payWithCard(page, "4242 4242 4242 4242");
  await expect(page.getByRole("heading", { name: "Payment received — your eSIM is ready" })).toBeVisible();
});

test("PayPal sends the buyer to its page and back, and the order says how it was paid", async ({ page }) => {
  await register(page, newTraveller());
  await startCheckout(page, "softbank-20gb-30d");
  await chooseMethod(page, "PayPal");
  await page.getByRole("button", { name: "Continue to PayPal" }).click();
  await expect(page.getByRole("heading", { name: "PayPal test payment" })).toBeVisible();
  await page.getByRole("button", { name: "Authorize test payment" }).click();
  await expect(page.getByRole("heading", { name: "Payment received — your eSIM is ready" })).toBeVisible();
  await expect(page.getByTestId("paid-with")).toHaveText("Paid with PayPal");
  await page.goto("/en/orders");
  await expect(page.getByTestId("order-paid-with").first()).toHaveText("Paid with PayPal");
});

test("a Konbini payment that cannot be delivered is refunded to the bank account the buyer gives", async ({ page }) => {
  const user = await buyEsim(page, "au-1gb-3d");
  await page.goto("/en/dashboard");
  await page.getByRole("link", { name: "Balance, top-up and install" }).click();
  await expect(page).toHaveURL(/\/en\/esims\/\w+$/);
  const esimId = page.url().split("/").pop()!;
  await page.getByRole("button", { name: "Buy for ¥850" }).click();
  await expect(page.getByTestId("amount-due")).toHaveText("¥850");
  // The eSIM is deleted while the top-up waits to be paid: the payment arrives for nothing.
  const deleted = await page.request.post(`/api/esims/${esimId}/lifecycle`, { data: { event: "delete" } });
  expect(deleted.status()).toBe(200);
  await getVoucher(page, "aiko+succeed_immediately@example.test");
  await page.getByRole("link", { name: "Return to Tabi" }).click();

  await expect(page.getByTestId("refund-stage")).toContainText("refunded by bank transfer", { timeout: 20_000 });
  const notice = await waitForEmail(user.email, /^Tell us where to send the refund for your Tabi order TB-/);
  const bankPage = linkIn(notice, /\/en\/checkout\/local\/refunds\/[A-Za-z0-9_-]{43}/);
  await page.goto(bankPage);
  await page.getByLabel("Bank code").fill("1100");
  await page.getByLabel("Branch code").fill("000");
  await page.getByLabel("Account number").fill("12");
  await page.getByLabel("Account holder").fill("タナカ アイコ");
  await page.getByRole("button", { name: "Send the refund to this account" }).click();
  await expect(page.getByText("Enter the 7-digit account number.")).toBeVisible();
  await page.getByLabel("Account number").fill("0001234");
  await page.getByRole("button", { name: "Send the refund to this account" }).click();
  await expect(page.getByTestId("bank-answer")).toHaveText("Thank you. The refund is on its way to your bank account.");

  // The refund settles a little later (60 times sooner here than in real time).
  await page.goto("/en/orders");
  const topUp = page.getByTestId("order-row").filter({ hasText: "Top-up" });
  await expect(async () => {
    await page.reload();
    await expect(topUp.getByTestId("order-status")).toContainText("Refunded", { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await waitForEmail(user.email, /^Refund for your Tabi order TB-/);
  await page.goto(bankPage);
  await expect(page.getByRole("status")).toHaveText("You have already given the bank account for this refund.");
});
