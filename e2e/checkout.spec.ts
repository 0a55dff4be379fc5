import { expect, newTraveller, payWithCard, register, startCheckout, test } from "./fixtures";

test.beforeEach(async ({ page }) => {
  await register(page, newTraveller());
});

test("paying with 4242 fulfils the order with an eSIM", async ({ page }) => {
  await startCheckout(page, "au-1gb-3d");
  await expect(page.getByTestId("amount-due")).toHaveText("¥980");
  await payWithCard(page, "4242 4242 4242 4242");

  await expect(page).toHaveURL(/\/en\/checkout\/success\?session_id=cs_test_/);
  await expect(page.getByRole("heading", { name: "Payment received — your eSIM is ready" })).toBeVisible();
  await expect(page.getByTestId("iccid")).toHaveText(/^8981\d{15}$/);

  // The local checkout keeps its event log, like Stripe's dashboard: the payment's event, delivered.
  await page.getByRole("link", { name: "Webhook deliveries (test mode)" }).click();
  await expect(page.getByRole("heading", { name: "checkout.session.completed" })).toBeVisible();
  // Delivered by the job queue right after the payment, which may be a moment after this page.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("event-state")).toContainText("Delivered", { timeout: 1_000 });
  }).toPass();
  await expect(page.getByTestId("delivery-attempt")).toContainText("200");

  await page.goto("/en/orders");
  await expect(page.getByTestId("order-row")).toHaveCount(1);
  await expect(page.getByTestId("order-row")).toContainText("Fulfilled");
  await page.goto("/en/account");
  await expect(page.getByTestId("esim")).toContainText("Ready to install");
});

test("a declined card shows Stripe's reason and a retry with 4242 succeeds", async ({ page }) => {
  await startCheckout(page, "au-1gb-3d");
  await payWithCard(page, "4000 0000 0000 0002");
  await expect(page.getByRole("alert").filter({ hasText: "Your card was declined." })).toContainText("generic_decline");
  await expect(page).toHaveURL(/\/checkout\/local\//);

  await payWithCard(page, "4000 0000 0000 9995");
  await expect(page.getByRole("alert").filter({ hasText: "insufficient funds" })).toBeVisible();

  await payWithCard(page, "4242 4242 4242 4242");
  await expect(page.getByRole("heading", { name: "Payment received — your eSIM is ready" })).toBeVisible();
});

test("a card failing the Luhn check or with a past expiry is refused before paying", async ({ page }) => {
  await startCheckout(page, "au-1gb-3d");
  await page.getByLabel("Card number").fill("4242 4242 4242 4241");
  await page.getByLabel("Expiry (MM / YY)").fill("01 / 20");
  await page.getByLabel("CVC").fill("123");
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page.getByText("This card number is not valid.")).toBeVisible();
  await expect(page.getByText("This card has expired.")).toBeVisible();
  await expect(page).toHaveURL(/\/checkout\/local\//);
});

test("the 3-D Secure card can be authenticated", async ({ page }) => {
  await startCheckout(page, "softbank-2gb-5d");
  await payWithCard(page, "4000 0027 6000 3184");
  await expect(page.getByRole("heading", { name: "Authenticate your payment" })).toBeVisible();
  await expect(page.getByText("card ending in 3184")).toBeVisible();
  await page.getByRole("button", { name: "Complete authentication" }).click();
  await expect(page.getByRole("heading", { name: "Payment received — your eSIM is ready" })).toBeVisible();
});

test("a failed 3-D Secure authentication declines and leaves the order unpaid", async ({ page }) => {
  await startCheckout(page, "softbank-2gb-5d");
  await payWithCard(page, "4000 0027 6000 3184");
  await page.getByRole("button", { name: "Fail authentication" }).click();
  await expect(page).toHaveURL(/\/checkout\/local\/cs_test_[^/]+$/);
  await expect(page.getByRole("alert").filter({ hasText: "unable to authenticate" })).toBeVisible();

  await page.goto("/en/orders");
  await expect(page.getByTestId("order-row")).toContainText("Awaiting payment");
});

test("a promo code lowers the total and a bad one is explained", async ({ page }) => {
  await page.goto("/en/plans/au-1gb-3d/checkout");
  await expect(page.getByTestId("checkout-total")).toHaveText("¥980");

  await page.getByLabel("Promo code (optional)").fill("nosuchcode");
  await page.getByRole("button", { name: "Update total" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "This promo code does not exist." })).toBeVisible();
  await expect(page.getByTestId("checkout-total")).toHaveText("¥980");

  await page.getByLabel("Promo code (optional)").fill("summer2025");
  await page.getByRole("button", { name: "Update total" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "has expired" })).toBeVisible();

  await page.getByLabel("Promo code (optional)").fill("welcome10");
  await page.getByRole("button", { name: "Update total" }).click();
  await expect(page.getByText("Code WELCOME10")).toBeVisible();
  await expect(page.getByTestId("checkout-total")).toHaveText("¥882");

  await page.getByRole("button", { name: "Pay ¥882" }).click();
  await expect(page.getByTestId("amount-due")).toHaveText("¥882");
  await payWithCard(page, "4242 4242 4242 4242");
  await expect(page.getByRole("heading", { name: "Payment received — your eSIM is ready" })).toBeVisible();

  // Once per user: the same code is refused on the next order.
  await page.goto("/en/plans/au-1gb-3d/checkout?code=WELCOME10");
  await expect(page.getByRole("alert").filter({ hasText: "already used this promo code" })).toBeVisible();
});

test("buy one, get one: the second eSIM of the plan is free and both are issued", async ({ page }) => {
  await page.goto("/en/plans/docomo-3gb-7d/checkout");
  await page.getByLabel("Number of eSIMs").selectOption("2");
  await page.getByRole("button", { name: "Update total" }).click();
  await expect(page.getByText("Buy one, get one free")).toBeVisible();
  await expect(page.getByTestId("checkout-total")).toHaveText("¥1,980");
  await page.getByRole("button", { name: "Pay ¥1,980" }).click();
  await payWithCard(page, "4242 4242 4242 4242");
  await expect(page.getByTestId("iccid")).toHaveCount(2);
});

test("a code is given once: a second checkout opened with it before paying the first is refused and leads back", async ({
  page,
  context,
}) => {
  // Two tabs show the discount before either is paid.
  const other = await context.newPage();
  for (const tab of [page, other]) {
    await tab.goto("/en/plans/au-1gb-3d/checkout?code=TOKYO500");
    await expect(tab.getByTestId("checkout-total")).toHaveText("¥480");
  }
  await page.getByRole("button", { name: "Pay ¥480" }).click();
  await expect(page).toHaveURL(/\/en\/checkout\/local\/cs_test_/);
  const firstCheckout = page.url();

  await other.getByRole("button", { name: "Pay ¥480" }).click();
  await expect(
    other.getByRole("alert").filter({ hasText: "You already have an unpaid checkout with this promo code." }),
  ).toContainText("Finish paying it, or buy without the code now.");
  await expect(other.getByTestId("checkout-total")).toHaveText("¥980");
  await other.getByRole("link", { name: "Continue to that checkout" }).click();
  await expect(other).toHaveURL(firstCheckout);
  await expect(other.getByTestId("amount-due")).toHaveText("¥480");
  await payWithCard(other, "4242 4242 4242 4242");
  await expect(other.getByRole("heading", { name: "Payment received — your eSIM is ready" })).toBeVisible();

  await page.goto("/en/plans/au-1gb-3d/checkout?code=TOKYO500");
  await expect(page.getByRole("alert").filter({ hasText: "already used this promo code" })).toBeVisible();
  await page.goto("/en/orders");
  await expect(page.getByTestId("order-row")).toHaveCount(1);
});

test("an account opening checkouts again and again is asked to wait", async ({ page }) => {
  // Eleven checkouts, each a server round trip to the payment gateway, take longer than one.
  test.slow();
  for (let i = 0; i < 10; i++) await startCheckout(page, "au-1gb-3d");
  await page.goto("/en/plans/au-1gb-3d/checkout");
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page.getByRole("alert").filter({ hasText: "too many checkouts" })).toHaveText(
    "You have opened too many checkouts in a short time. Please wait 10 minutes before opening another.",
  );
  await expect(page).toHaveURL(/\/en\/plans\/au-1gb-3d\/checkout\?problem=rate_limited/);
});
