// A purchase as a buyer without JavaScript makes one, through the pages: the checkout form
// opens the local checkout, whose card form pays, delivers the signed webhook and redirects to
// the success page.
import { SUCCEEDING_CARD } from "../../../lib/testing/shop";
import { type Browser, type Page, withField } from "./form-client";

const TEST_CARD = { ...SUCCEEDING_CARD, cardholder: "Bench Buyer" };

const CARD_PAGE = /\/checkout\/local\/(cs_test_[A-Za-z0-9]+)$/;

function cardPage(page: Page): Page {
  if (page.status !== 200 || !CARD_PAGE.test(new URL(page.url).pathname)) {
    throw new Error(`expected the local checkout, got ${page.url} (${page.status})`);
  }
  return page;
}

export function sessionIdOf(page: Page): string {
  return CARD_PAGE.exec(new URL(page.url).pathname)![1]!;
}

export async function openPlanCheckout(browser: Browser, origin: string, planSlug: string): Promise<Page> {
  const checkout = await browser.get(`${origin}/en/plans/${planSlug}/checkout`);
  return cardPage(await browser.submit(checkout.form(withField("planSlug", planSlug), "payment")));
}

export async function openTopUpCheckout(
  browser: Browser,
  origin: string,
  esimId: string,
  packSlug: string,
): Promise<Page> {
  const esim = await browser.get(`${origin}/en/esims/${esimId}`);
  return cardPage(await browser.submit(esim.form(withField("pack", packSlug), `top-up ${packSlug}`)));
}

export function successUrl(origin: string, sessionId: string): string {
  return `${origin}/en/checkout/success?session_id=${sessionId}`;
}

export async function payByCard(browser: Browser, card: Page): Promise<Page> {
  const success = await browser.submit(card.form(withField("cardNumber"), "card"), TEST_CARD);
  if (success.status !== 200 || !new URL(success.url).pathname.endsWith("/checkout/success")) {
    throw new Error(`the card payment for ${sessionIdOf(card)} ended on ${success.url} (${success.status})`);
  }
  return success;
}

// Pays, then closes the tab: the redirect to the success page is never followed (and the success
// page never fulfils), so only the webhook can.
export async function payAndClose(browser: Browser, card: Page): Promise<void> {
  const response = await browser.submitOnly(card.form(withField("cardNumber"), "card"), TEST_CARD);
  await response.arrayBuffer();
  const location = new URL(response.headers.get("location") ?? "/", card.url);
  if (response.status !== 303 || !location.pathname.endsWith("/checkout/success")) {
    throw new Error(`the card payment for ${sessionIdOf(card)} answered ${response.status} → ${location.pathname}`);
  }
}

// The success page lists the issued eSIM.
export function expectEsimShown(success: Page, card: Page) {
  if (!success.includes('data-testid="iccid"'))
    throw new Error(`the success page for ${sessionIdOf(card)} shows no eSIM`);
}

// Bought and shown.
export async function buyPlan(browser: Browser, origin: string, planSlug: string): Promise<string> {
  const card = await openPlanCheckout(browser, origin, planSlug);
  expectEsimShown(await payByCard(browser, card), card);
  return sessionIdOf(card);
}
