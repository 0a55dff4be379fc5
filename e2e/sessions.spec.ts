import type { Page } from "@playwright/test";
import {
  emailedResetLink,
  expect,
  logIn,
  logOut,
  newTraveller,
  register,
  signInElsewhere,
  test,
  type TestUser,
} from "./fixtures";
import { waitForEmail } from "./mail";

const NEW_PASSWORD = "a brand new passphrase";

const loginFor = (path: string) => `/en/login?${new URLSearchParams({ callbackUrl: path })}`;

// A signed-out device is sent to log in by its next page, and comes back to it afterwards.
async function expectSentToLogIn(device: Page, path: string, credentials: Pick<TestUser, "email" | "password">) {
  await device.goto(path);
  await expect(device).toHaveURL(loginFor(path));
  await logIn(device, credentials);
  await expect(device).toHaveURL(path);
}

async function changePassword(page: Page, current: string, next: string, confirmation = next) {
  await page.getByLabel("Current password", { exact: true }).fill(current);
  await page.getByLabel("New password", { exact: true }).fill(next);
  await page.getByLabel("New password again").fill(confirmation);
  await page.getByRole("button", { name: "Change password" }).click();
}

test("changing the password logs out the other devices and keeps this one", async ({ page, browser }) => {
  const user = newTraveller();
  await register(page, user);
  const phone = await signInElsewhere(browser, user);

  await changePassword(page, user.password, NEW_PASSWORD);
  await expect(page).toHaveURL("/en/account?password=changed");
  await expect(page.getByText("Your password was changed. Every other device was logged out.")).toBeVisible();
  await page.goto("/en/orders");
  await expect(page).toHaveURL("/en/orders");

  await phone.goto("/en/orders");
  await expect(phone).toHaveURL(loginFor("/en/orders"));
  await logIn(phone, user);
  await expect(phone.getByRole("alert").filter({ hasText: "do not match an account" })).toBeVisible();
  await logIn(phone, { email: user.email, password: NEW_PASSWORD });
  await expect(phone).toHaveURL("/en/orders");

  const notice = await waitForEmail(user.email, /^Your Tabi password was changed$/);
  expect(notice.text).toContain("If you did not change it");
  await phone.close();
});

test("the password form explains each problem next to its field and changes nothing", async ({ page }) => {
  const user = newTraveller();
  await register(page, user);

  await changePassword(page, "", "short", "shorter");
  await expect(page.getByText("Enter your current password.")).toBeVisible();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  await expect(page.getByText("The two new passwords are not the same.")).toBeVisible();
  await expect(page.getByLabel("New password again")).toHaveAttribute("aria-invalid", "true");

  await changePassword(page, "not my password", NEW_PASSWORD);
  await expect(page.getByText("This is not your current password.")).toBeVisible();
  await expect(page.getByLabel("Current password", { exact: true })).toHaveAttribute("aria-invalid", "true");
  // Passwords are never sent back to the form.
  await expect(page.getByLabel("New password", { exact: true })).toHaveValue("");

  await logOut(page);
  await page.goto("/en/login");
  await logIn(page, user);
  await expect(page).toHaveURL("/en/account");
});

test("logging out of all devices ends every session, this one too", async ({ page, browser }) => {
  const user = newTraveller();
  await register(page, user);
  const phone = await signInElsewhere(browser, user);

  await page.getByRole("button", { name: "Log out of all devices" }).click();
  await expect(page).toHaveURL("/en/login?signedOut=everywhere");
  await expect(page.getByText("You were logged out of all devices.")).toBeVisible();
  await page.goto("/en/account");
  await expect(page).toHaveURL(loginFor("/en/account"));

  await expectSentToLogIn(phone, "/en/dashboard", user);
  await phone.close();
});

test("logging out ends the session on the server: a copy of its cookie stops working, other devices stay", async ({
  page,
  browser,
}) => {
  const user = newTraveller();
  await register(page, user);
  const phone = await signInElsewhere(browser, user);
  const session = (await page.context().cookies()).filter((cookie) => cookie.name.includes("authjs.session-token"));
  expect(session).not.toHaveLength(0);
  // The copy works while the session lasts.
  const copy = await browser.newContext();
  await copy.addCookies(session);
  const elsewhere = await copy.newPage();
  await elsewhere.goto("/en/account");
  await expect(elsewhere).toHaveURL("/en/account");

  await logOut(page);

  const stranger = await browser.newContext();
  await stranger.addCookies(session);
  const thief = await stranger.newPage();
  await thief.goto("/en/account");
  await expect(thief).toHaveURL(loginFor("/en/account"));
  await elsewhere.goto("/en/orders");
  await expect(elsewhere).toHaveURL(loginFor("/en/orders"));
  await phone.goto("/en/orders");
  await expect(phone).toHaveURL("/en/orders");
  await Promise.all([copy.close(), stranger.close(), phone.close()]);
});

test("a password reset by email ends a session left open elsewhere", async ({ page, browser }) => {
  const user = newTraveller();
  await register(page, user);

  const other = await browser.newPage();
  await other.goto("/en/forgot-password");
  await other.goto(await emailedResetLink(other, user.email));
  await other.getByLabel("New password").fill(NEW_PASSWORD);
  await other.getByRole("button", { name: "Save new password" }).click();
  await expect(other.getByText("Your password was changed.")).toBeVisible();
  await other.close();

  await expectSentToLogIn(page, "/en/account", { email: user.email, password: NEW_PASSWORD });
});
