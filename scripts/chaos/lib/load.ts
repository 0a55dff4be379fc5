// Ten buyers buying a plan over and over through the real pages (checkout form → local card form
// with card 4242 → success page) while a fault is injected. A request that fails is what a
// person sees as an error page or a dropped connection: the buyer pauses, and if the payment may
// have gone through, reloads the page for up to 30 s until it works, as people do.
import { forgetCheckoutThrottle } from "../../../lib/testing/shop";
import { type Buyer, signedInBuyers } from "../../bench/lib/buyers";
import { type Page, withField } from "../../bench/lib/form-client";
import {
  expectEsimShown,
  openPlanCheckout,
  payAndClose,
  payByCard,
  successUrl,
  sessionIdOf,
} from "../../bench/lib/purchase";

export const PLAN = "au-1gb-3d";
export const BUYERS = 10;
const PAUSE_AFTER_ERROR_MS = 1_000;
const REQUEST_TIMEOUT_MS = 30_000;
const SITE_BACK_TIMEOUT_MS = 30_000;
const RELOADING_FOR_MS = 30_000;
const RELOAD_PAUSE_MS = 2_000;

export type LoadOptions = {
  origin: string;
  seconds: number;
  // Buyers close the tab once the card is accepted and never see the success page.
  closeTabs?: boolean;
};

export type LoadTally = {
  checkoutsOpened: number;
  // Success pages seen (or, with closeTabs, card payments accepted).
  paymentsAccepted: number;
  reloads: number;
  errors: string[];
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function buyers(): Promise<Buyer[]> {
  return signedInBuyers(BUYERS, { timeoutMs: REQUEST_TIMEOUT_MS });
}

async function siteAnswers(origin: string): Promise<void> {
  const deadline = Date.now() + SITE_BACK_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const up = await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(2_000) }).then(
      (response) => response.ok,
      () => false,
    );
    if (up) return;
    await sleep(250);
  }
}

// The card page again, until it works or the buyer gives up: still asking for a card if the
// payment never reached the checkout, otherwise on to the success page.
async function reload(buyer: Buyer, card: Page, origin: string, tally: LoadTally) {
  const givesUpAt = Date.now() + RELOADING_FOR_MS;
  let failure: unknown;
  while (Date.now() < givesUpAt) {
    await siteAnswers(origin);
    tally.reloads += 1;
    try {
      const again = await buyer.browser.get(card.url);
      const success = again.forms.some(withField("cardNumber"))
        ? await payByCard(buyer.browser, again)
        : await buyer.browser.get(successUrl(origin, sessionIdOf(card)));
      expectEsimShown(success, card);
      tally.paymentsAccepted += 1;
      return;
    } catch (error) {
      failure = error;
      await sleep(RELOAD_PAUSE_MS);
    }
  }
  tally.errors.push(`gave up reloading: ${message(failure)}`);
}

async function purchase(buyer: Buyer, options: LoadOptions, tally: LoadTally) {
  // Buyers here buy far more often than a person may.
  await forgetCheckoutThrottle(buyer.id).catch(() => undefined);
  let card: Page;
  try {
    card = await openPlanCheckout(buyer.browser, options.origin, PLAN);
    tally.checkoutsOpened += 1;
  } catch (error) {
    tally.errors.push(`checkout: ${message(error)}`);
    return sleep(PAUSE_AFTER_ERROR_MS);
  }
  try {
    if (options.closeTabs) await payAndClose(buyer.browser, card);
    else expectEsimShown(await payByCard(buyer.browser, card), card);
    tally.paymentsAccepted += 1;
  } catch (error) {
    tally.errors.push(`payment: ${message(error)}`);
    await sleep(PAUSE_AFTER_ERROR_MS);
    if (!options.closeTabs) await reload(buyer, card, options.origin, tally);
  }
}

// Purchases started before the deadline finish, so a load lasts a little longer than `seconds`.
export async function buyFor(buyers: Buyer[], options: LoadOptions): Promise<LoadTally> {
  const tally: LoadTally = { checkoutsOpened: 0, paymentsAccepted: 0, reloads: 0, errors: [] };
  const deadline = Date.now() + options.seconds * 1000;
  await Promise.all(
    buyers.map(async (buyer) => {
      while (Date.now() < deadline) await purchase(buyer, options, tally);
    }),
  );
  return tally;
}

// The distinct errors, most frequent first, for the report.
export function errorSummary(tally: LoadTally, limit = 5): { error: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const error of tally.errors) {
    const key = error.replace(/cs_test_\w+/g, "cs_test_…").slice(0, 160);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([error, count]) => ({ error, count }));
}
