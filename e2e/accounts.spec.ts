import { expect, logIn, logOut, newTraveller, register, test } from "./fixtures";

test("register, log out, log in again and see the account page", async ({ page }) => {
  const user = newTraveller();
  await register(page, user);
  await expect(page.getByRole("heading", { name: `Hello, ${user.name}` })).toBeVisible();
  await expect(page.getByText(user.email, { exact: true })).toBeVisible();
  await expect(page.getByText(/JST$/)).toBeVisible();

  await logOut(page);
  await expect(page.getByRole("link", { name: "Log in" })).toBeVisible();

  await page.getByRole("link", { name: "Log in" }).click();
  await logIn(page, user);
  await expect(page).toHaveURL("/en/account");
  await expect(page.getByRole("heading", { name: `Hello, ${user.name}` })).toBeVisible();
});

test("a wrong password shows an error and keeps the email", async ({ page }) => {
  const user = newTraveller();
  await register(page, user);
  await logOut(page);

  await page.goto("/en/login");
  await logIn(page, { email: user.email, password: "not my password" });
  await expect(page.getByRole("alert").filter({ hasText: "do not match an account" })).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(user.email);
  await expect(page).toHaveURL("/en/login");
});

test("the account page sends a visitor to log in and back", async ({ page }) => {
  const user = newTraveller();
  await register(page, user);
  await logOut(page);

  await page.goto("/en/account");
  await expect(page).toHaveURL("/en/login?callbackUrl=%2Fen%2Faccount");
  await logIn(page, user);
  await expect(page).toHaveURL("/en/account");
});

test("registration explains each invalid field and keeps what was typed", async ({ page }) => {
  await page.goto("/en/register");
  await page.getByLabel("Name").fill("Aiko");
  await page.getByLabel("Email").fill("aiko@");
  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByLabel("Phone number (optional)").fill("090 1234 5678");
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  await expect(page.getByText("starting with + and the country code")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Name")).toHaveValue("Aiko");
  await expect(page).toHaveURL("/en/register");
});

test("a second account with the same email is refused with a clear message", async ({ page, browser }) => {
  const user = newTraveller();
  await register(page, user);

  const other = await browser.newPage();
  await other.goto("/en/register");
  await other.getByLabel("Name").fill("Someone Else");
  await other.getByLabel("Email").fill(user.email.toUpperCase());
  await other.getByLabel("Password", { exact: true }).fill("another long password");
  await other.getByRole("button", { name: "Create account" }).click();
  await expect(other.getByText("An account with this email already exists")).toBeVisible();
  await expect(other.getByLabel("Name")).toHaveValue("Someone Else");
  await other.close();
});

test("the demo account from the README can log in", async ({ page }) => {
  await page.goto("/en/login");
  await logIn(page, { email: "demo@tabi.test", password: "tabi-demo-2026" });
  await expect(page.getByRole("heading", { name: "Hello, Demo Traveller" })).toBeVisible();
});

test("the language for emails is saved on the account", async ({ page }) => {
  await register(page, newTraveller());
  const select = page.getByLabel("Language for emails");
  await expect(select).toHaveValue("en");
  await select.selectOption("ja");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Language for emails")).toHaveValue("ja");
});

test("sign-ups from one address stop after a few an hour, and the form says how long to wait", async ({ page }) => {
  const signUp = async (email: string) => {
    await page.goto("/en/register");
    await page.getByLabel("Name").fill("Aiko Tanaka");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password", { exact: true }).fill("another long password");
    await page.getByRole("button", { name: "Create account" }).click();
  };
  // Refused sign-ups count too, so the address taken by the demo account is enough.
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await signUp("demo@tabi.test");
    await expect(page.getByText("An account with this email already exists")).toBeVisible();
  }

  await signUp(newTraveller().email);
  await expect(
    page.getByRole("alert").filter({ hasText: /^Too many sign-ups from this network\. Try again in 60 minutes\.$/ }),
  ).toBeVisible();
  await expect(page).toHaveURL("/en/register");
});

test("an account's email changes a few times a day, then the form says how long to wait", async ({ page }) => {
  const user = newTraveller();
  await register(page, user);
  await page.getByText("Edit your details").click();
  for (let change = 1; change <= 3; change += 1) {
    const email = newTraveller().email;
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Current password (only to change the email)").fill(user.password);
    await page.getByRole("button", { name: "Save details" }).click();
    await expect(page.getByText(`We sent a confirmation link to ${email}`)).toBeVisible();
  }

  await page.getByLabel("Email", { exact: true }).fill(newTraveller().email);
  await page.getByLabel("Current password (only to change the email)").fill(user.password);
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(
    page
      .getByRole("alert")
      .filter({ hasText: /^Too many attempts to change the email address\. Try again in 24 hours\.$/ }),
  ).toBeVisible();
});
