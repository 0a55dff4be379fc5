import {
  confirmEmailFromInbox,
  emailedResetLink,
  expect,
  logIn,
  logOut,
  newTraveller,
  register,
  signInElsewhere,
  test,
} from "./fixtures";
import { linkIn, waitForEmail } from "./mail";

test("a new account is asked to confirm its email, and the emailed link confirms it", async ({ page }) => {
  const user = newTraveller();
  await register(page, user);
  await expect(page.getByText(`Please confirm your email address (${user.email})`)).toBeVisible();

  await confirmEmailFromInbox(page, user.email);
  await page.goto("/en/account");
  await expect(page.getByText("Please confirm your email address")).toHaveCount(0);
});

test("a password is reset through the emailed link, which works once", async ({ page }) => {
  const user = newTraveller();
  await register(page, user);
  await logOut(page);

  await page.goto("/en/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  // The login page has an Email field too: wait for the new page before typing.
  await expect(page.getByRole("heading", { name: "Reset your password" })).toBeVisible();
  const link = await emailedResetLink(page, user.email);
  await page.goto(link);
  await page.getByLabel("New password").fill("short");
  await page.getByRole("button", { name: "Save new password" }).click();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  await page.getByLabel("New password").fill("a brand new passphrase");
  await page.getByRole("button", { name: "Save new password" }).click();
  await expect(page.getByText("Your password was changed.")).toBeVisible();

  await logIn(page, { email: user.email, password: user.password });
  await expect(page.getByRole("alert").filter({ hasText: "do not match an account" })).toBeVisible();
  await logIn(page, { email: user.email, password: "a brand new passphrase" });
  await expect(page).toHaveURL("/en/account");

  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This reset link does not work" })).toBeVisible();
});

test("asking to reset an unknown address gives the same answer and sends nothing", async ({ page }) => {
  await page.goto("/en/forgot-password");
  await page.getByLabel("Email").fill("nobody-here@example.test");
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByText("If an account exists for that address")).toBeVisible();
});

test("a mistyped email is corrected on the account page, with the password, and confirmed at the new address", async ({
  page,
}) => {
  const user = newTraveller();
  await register(page, user);
  const corrected = newTraveller().email;

  await page.getByText("Edit your details").click();
  await page.getByLabel("Email", { exact: true }).fill(corrected);
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByText("Enter your current password to change the email.")).toBeVisible();

  await page.getByLabel("Current password (only to change the email)").fill(user.password);
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByText(`We sent a confirmation link to ${corrected}`)).toBeVisible();
  await expect(page.getByText(`Please confirm your email address (${corrected})`)).toBeVisible();

  await confirmEmailFromInbox(page, corrected);

  // The account now logs in with the corrected address only.
  await logOut(page);
  await page.goto("/en/login");
  await logIn(page, user);
  await expect(page.getByRole("alert").filter({ hasText: "do not match an account" })).toBeVisible();
  await logIn(page, { email: corrected, password: user.password });
  await expect(page).toHaveURL("/en/account");
  await expect(page.getByText(corrected, { exact: true })).toBeVisible();
});

test("an address changed by someone else is put back from the notice sent to it, which ends their session and asks for a new password", async ({
  page,
  browser,
}) => {
  const user = newTraveller();
  await register(page, user);
  await confirmEmailFromInbox(page, user.email);
  const intruderEmail = newTraveller().email;

  // Someone who knows the password moves the account to their own address, in another browser.
  const intruder = await signInElsewhere(browser, user);
  await intruder.getByText("Edit your details").click();
  await intruder.getByLabel("Email", { exact: true }).fill(intruderEmail);
  await intruder.getByLabel("Current password (only to change the email)").fill(user.password);
  await intruder.getByRole("button", { name: "Save details" }).click();
  await expect(intruder.getByText(`We sent a confirmation link to ${intruderEmail}`)).toBeVisible();

  const notice = await waitForEmail(user.email, /^The email address of your Tabi account was changed$/);
  expect(notice.text).toContain(intruderEmail);
  const restoreLink = linkIn(notice, /\/en\/restore-email\/[A-Za-z0-9_-]{43}/);
  await page.goto(restoreLink);
  await expect(page.getByRole("heading", { name: "Put your email address back" })).toBeVisible();
  await page.getByRole("button", { name: `Put ${user.email} back` }).click();

  await expect(page).toHaveURL(/\/en\/reset-password\/[A-Za-z0-9_-]{43}\?restored=1$/);
  await expect(page.getByText("Your email address is back and every device was logged out.")).toBeVisible();
  await page.getByLabel("New password").fill("a brand new passphrase");
  await page.getByRole("button", { name: "Save new password" }).click();
  await expect(page).toHaveURL("/en/login?reset=1");
  await logIn(page, { email: user.email, password: "a brand new passphrase" });
  await expect(page).toHaveURL("/en/account");
  await expect(page.getByText(user.email, { exact: true })).toBeVisible();

  // The intruder's session is over, and the link does not work twice.
  await intruder.goto("/en/account");
  await expect(intruder).toHaveURL(/\/en\/login\?callbackUrl=/);
  await page.goto(restoreLink);
  await expect(page.getByRole("heading", { name: "This link does not work" })).toBeVisible();
  await intruder.close();
});
