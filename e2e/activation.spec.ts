import { buyEsim, expect, logIn, logOut, newTraveller, payWithCard, register, startCheckout, test } from "./fixtures";
import { attachment, dataUrlBytes, decodeQr, emailsTo, linkIn, waitForEmail } from "./mail";

test("the activation email leads to a QR code that installs the eSIM", async ({ page, browser }) => {
  // A purchase, two emails read from the mail catcher and a phone signing in: near the
  // default limit on a loaded machine.
  test.slow();
  const user = newTraveller();
  await register(page, user);
  await startCheckout(page, "au-1gb-3d");
  await payWithCard(page, "4242 4242 4242 4242");
  await expect(page.getByRole("heading", { name: "Payment received — your eSIM is ready" })).toBeVisible();

  const receipt = await waitForEmail(user.email, /^Your Tabi receipt for order TB-/);
  expect(receipt.text).toContain("¥980");
  const email = await waitForEmail(user.email, /^Your eSIM is ready: KDDI au 1 GB · 3 days$/);
  expect(email.text).toContain("back up your phone");
  const link = linkIn(email, /\/en\/activate\/[A-Za-z0-9_-]{43}/);

  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Install your eSIM" })).toBeVisible();
  await expect(page.getByText("Back up your phone first.")).toBeVisible();
  await expect(page.getByText("23:59:59 Japan time (JST)")).toBeVisible();
  const shownCode = (await page.getByTestId("activation-code").textContent())!;
  expect(shownCode).toMatch(/^LPA:1\$au\.smdp\.tabi\.test\$[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/);
  await expect(page.getByRole("link", { name: /one tap/ })).toHaveAttribute(
    "href",
    `https://esimsetup.apple.com/esim_qrcode_provisioning?carddata=${encodeURIComponent(shownCode)}`,
  );

  // The QR on the page and the one in the email both carry exactly the code shown.
  const pageQr = (await page.getByTestId("activation-qr").getAttribute("src"))!;
  expect(decodeQr(dataUrlBytes(pageQr))).toBe(shownCode);
  expect(decodeQr(await attachment(email, "esim-qr.png"))).toBe(shownCode);

  await page.getByRole("button", { name: "Phone downloads the profile" }).click();
  await expect(page.getByTestId("esim-state")).toHaveText("Downloaded to the phone");
  // The simulated phone that downloaded it is named by a valid EID.
  const eid = (await page.getByTestId("eid").textContent())!;
  expect(eid).toMatch(/^89\d{30}$/);
  expect(BigInt(eid) % 97n).toBe(1n);
  await page.getByRole("button", { name: "Phone installs it" }).click();
  await expect(page.getByTestId("esim-state")).toHaveText("Installed");
  await expect(page.getByTestId("eid")).toHaveText(eid);

  await page.goto("/en/account");
  await expect(page.getByTestId("esim")).toContainText("Installed");

  // Someone else, logged in, cannot open the link.
  const other = await browser.newPage();
  await register(other, newTraveller());
  expect((await other.goto(link))?.status()).toBe(404);
  await other.close();
});

test("the link installs the eSIM on a phone that is not signed in; only the signed-in owner turns it off or deletes it", async ({
  page,
  browser,
}) => {
  const user = await buyEsim(page, "au-1gb-3d");
  const link = linkIn(await waitForEmail(user.email, /^Your eSIM is ready/), /\/en\/activate\/[A-Za-z0-9_-]{43}/);
  const linkPath = new URL(link).pathname;

  const phoneBrowser = await browser.newContext();
  const phone = await phoneBrowser.newPage();
  await phone.goto(link);
  await expect(phone.getByTestId("activation-qr")).toBeVisible();
  const turnOff = phone.getByRole("button", { name: "Turn the eSIM off" });
  const remove = phone.getByRole("button", { name: "Delete the eSIM from the phone" });
  await expect(remove).toHaveCount(0);
  for (const [step, state] of [
    ["Phone downloads the profile", "Downloaded to the phone"],
    ["Phone installs it", "Installed"],
    ["First use on a Japanese network", "Active on the network"],
  ]) {
    await phone.getByRole("button", { name: step }).click();
    await expect(phone.getByTestId("esim-state")).toHaveText(state!);
  }
  await expect(turnOff).toHaveCount(0);
  await expect(remove).toHaveCount(0);
  await expect(phone.getByText("Turning this eSIM off or deleting it needs your account.")).toBeVisible();

  await phone.getByRole("main").getByRole("link", { name: "Log in" }).click();
  await logIn(phone, user);
  await expect(phone).toHaveURL(linkPath);
  await expect(remove).toBeVisible();

  await turnOff.click();
  await expect(phone.getByTestId("esim-state")).toHaveText("Turned off");
  await phoneBrowser.close();
});

test("deleting from the activation page after the session ended elsewhere needs a login first, and comes back", async ({
  page,
}) => {
  const user = await buyEsim(page, "au-1gb-3d");
  const link = linkIn(await waitForEmail(user.email, /^Your eSIM is ready/), /\/en\/activate\/[A-Za-z0-9_-]{43}/);
  const linkPath = new URL(link).pathname;
  await page.goto(link);
  const remove = page.getByRole("button", { name: "Delete the eSIM from the phone" });
  await expect(remove).toBeVisible();

  // Logged out in another tab, with this page still open: the server refuses the deletion.
  const tab = await page.context().newPage();
  await tab.goto("/en");
  await logOut(tab);
  await tab.close();
  await page.getByLabel("I understand: delete this eSIM").check();
  await remove.click();
  await expect(page).toHaveURL(`/en/login?${new URLSearchParams({ callbackUrl: linkPath })}`);
  await logIn(page, user);
  await expect(page).toHaveURL(linkPath);
  await expect(page.getByTestId("esim-state")).toHaveText("Ready to install");
});

test("the eSIM page keeps the QR code, refuses invalid steps and warns before deleting", async ({ page, request }) => {
  await buyEsim(page, "softbank-2gb-5d");
  await page.goto("/en/account");
  await page.getByRole("link", { name: "Install and details" }).click();
  await expect(page.getByTestId("activation-qr")).toBeVisible();
  const esimUrl = page.url();
  const esimId = esimUrl.split("/").pop()!;

  // The lifecycle API refuses a step out of order and answers in JSON.
  const outOfOrder = await page.request.post(`/api/esims/${esimId}/lifecycle`, { data: { event: "enable" } });
  expect(outOfOrder.status()).toBe(409);
  expect(await outOfOrder.json()).toMatchObject({ error: { code: "invalid_transition" } });
  const phone = "89001012012341234012345678901224";
  const download = await page.request.post(`/api/esims/${esimId}/lifecycle`, {
    data: { event: "download", eid: phone },
  });
  expect(await download.json()).toEqual({ state: "downloaded", eid: phone, valid_until: null });
  const otherPhone = await page.request.post(`/api/esims/${esimId}/lifecycle`, { data: { event: "download" } });
  expect(otherPhone.status()).toBe(409);
  const anonymous = await request.post(`/api/esims/${esimId}/lifecycle`, { data: { event: "install" } });
  expect(anonymous.status()).toBe(401);

  await page.reload();
  await expect(page.getByTestId("eid")).toHaveText(phone);
  await page.getByRole("button", { name: "Phone installs it" }).click();
  await page.getByRole("button", { name: "First use on a Japanese network" }).click();
  await expect(page.getByTestId("esim-state")).toHaveText("Active on the network");
  // Installed: the QR code and the validity wait behind the install details.
  await expect(page.getByTestId("activation-qr")).toBeHidden();
  await page.getByText("Install details: QR code, activation code and steps").click();
  await expect(page.getByTestId("activation-qr")).toBeVisible();
  await expect(page.getByText(/Valid until .* JST/)).toBeVisible();

  await expect(page.getByText("Deleting is final: the QR code cannot be used again.")).toBeVisible();
  await page.getByLabel("I understand: delete this eSIM").check();
  await page.getByRole("button", { name: "Delete the eSIM from the phone" }).click();
  await expect(page.getByTestId("esim-state")).toHaveText("Deleted");
  await expect(page.getByTestId("activation-qr")).toHaveCount(0);
  const afterDelete = await page.request.post(`/api/esims/${esimId}/lifecycle`, { data: { event: "install" } });
  expect(afterDelete.status()).toBe(409);
});

test("a lost activation email can be sent again, and the old link stops working", async ({ page }) => {
  const user = await buyEsim(page, "au-1gb-3d");
  const first = await waitForEmail(user.email, /^Your eSIM is ready/);
  const oldLink = linkIn(first, /\/en\/activate\/[A-Za-z0-9_-]{43}/);

  await page.goto("/en/account");
  await page.getByRole("link", { name: "Install and details" }).click();
  const oldCode = (await page.getByTestId("activation-code").textContent())!;
  await page.getByRole("button", { name: "Resend activation email" }).click();
  await expect(page.getByText("Sent. Check your inbox")).toBeVisible();

  await expect.poll(async () => (await emailsTo(user.email, /^Your eSIM is ready/)).length).toBe(2);
  // Not downloaded yet: the new email brings a new code, and the old QR code no longer installs.
  await page.reload();
  await expect(page.getByTestId("activation-code")).not.toHaveText(oldCode);
  await expect(page.getByText(/^New activation code \(account-page\)/)).toBeVisible();
  const resent = (await emailsTo(user.email, /^Your eSIM is ready/)).find((email) => email.id !== first.id)!;
  expect(decodeQr(await attachment(resent, "esim-qr.png"))).toBe(
    await page.getByTestId("activation-code").textContent(),
  );
  expect(decodeQr(await attachment(first, "esim-qr.png"))).toBe(oldCode);
  await page.goto(oldLink);
  await expect(page.getByRole("heading", { name: "This activation link does not work" })).toBeVisible();
});

test("an unknown activation link explains what to do", async ({ page }) => {
  await page.goto("/en/activate/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
  await expect(page.getByRole("heading", { name: "This activation link does not work" })).toBeVisible();
  await expect(page.getByText("Links expire after 30 days")).toBeVisible();
});
