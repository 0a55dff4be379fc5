import { newBuyer } from "../../../lib/testing/shop";
import { startApp } from "./app-server";
import { Browser, withField } from "./form-client";
import { sessionCookie } from "./session";

async function main() {
  const app = await startApp(3100);
  try {
    const buyer = await newBuyer();
    const browser = new Browser();
    browser.setCookie(await sessionCookie({ id: buyer.id, email: buyer.email }));
    const checkout = await browser.get(`${app.url}/en/plans/au-1gb-3d/checkout`);
    console.log(checkout.status, checkout.url, JSON.stringify(checkout.forms, null, 1));
    const card = await browser.submit(checkout.form(withField("planSlug"), "pay"));
    console.log(card.status, card.url, JSON.stringify(card.forms, null, 1));
    const t0 = Date.now();
    const success = await browser.submit(card.form(withField("cardNumber"), "card"), { cardNumber: "4242 4242 4242 4242", expiry: "12 / 34", cvc: "123", cardholder: "Bench Buyer" });
    console.log(Date.now() - t0, success.status, success.url, success.includes('data-testid="iccid"'));
    const login = new Browser();
    const loginPage = await login.get(`${app.url}/en/login`);
    console.log(JSON.stringify(loginPage.forms, null, 1));
    const bad = await login.submit(loginPage.form(withField("email"), "login"), { email: buyer.email, password: "wrong password!" });
    console.log(bad.status, bad.url, bad.includes("do not match"));
    const good = await login.submit(bad.form(withField("email"), "login"), { email: buyer.email, password: "correct horse battery" });
    console.log(good.status, good.url, login.hasCookie("authjs.session-token"));
  } finally {
    await app.stop();
  }
}
main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
