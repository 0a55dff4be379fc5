// Buyers for the load scripts, each with an account and a browser already signed in: by cookie
// rather than through the login form, so the scripts measure purchases, not argon2.
import { newBuyer } from "../../../lib/testing/shop";
import { Browser, type BrowserOptions } from "./form-client";
import { sessionCookie } from "./session";

export type Buyer = { id: string; browser: Browser };

export async function signedInBuyers(count: number, options: BrowserOptions = {}): Promise<Buyer[]> {
  const buyers: Buyer[] = [];
  for (let i = 0; i < count; i++) {
    const { id, email } = await newBuyer();
    const browser = new Browser(options);
    browser.setCookie(await sessionCookie({ id, email }));
    buyers.push({ id, browser });
  }
  return buyers;
}
