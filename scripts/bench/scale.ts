// Does the balance stay as fast as history grows? The same pages and API calls for an account
// with a short history (10 orders, 10 ledger entries) and a long one (1,000 orders, 10,000
// ledger entries on one eSIM), built through the product's own checkout, fulfilment and
// usage code. Latency is measured one request at a time, so it is the page's own cost.
import { randomUUID } from "node:crypto";
import { createApiToken } from "../../lib/api/tokens";
import { startTopUp } from "../../lib/balance/topups";
import { recordUsage } from "../../lib/balance/usage";
import { db } from "../../lib/db/client";
import { fulfilCheckout } from "../../lib/orders/fulfilment";
import { payLocalSession } from "../../lib/payments/local-checkout";
import { activeEsim, NO_WEBHOOK_RECEIVER, SUCCEEDING_CARD } from "../../lib/testing/shop";
import { type AppServer, startApp } from "./lib/app-server";
import { load } from "./lib/load";
import { saveResult } from "./lib/results";
import { sessionCookie } from "./lib/session";

const PLAN = "docomo-3gb-7d";
const TOP_UP = "docomo-topup-1gb-7d";
const KB = 1024n;

async function topUp(buyer: { id: string; email: string }, esimId: string) {
  const started = await startTopUp(buyer, esimId, TOP_UP, { origin: NO_WEBHOOK_RECEIVER, locale: "en" });
  if (!started.ok) throw new Error(`top-up refused: ${started.problem}`);
  const order = await db.order.findUniqueOrThrow({ where: { id: started.orderId } });
  const attempt = await payLocalSession(order.paymentSessionId!, SUCCEEDING_CARD, NO_WEBHOOK_RECEIVER);
  if (attempt.status !== "succeeded") throw new Error(`top-up payment ${attempt.status}`);
  await fulfilCheckout(order.paymentSessionId!);
}

async function accountWithHistory(orders: number, ledgerEntries: number) {
  const { buyer, esim } = await activeEsim(PLAN);
  for (let i = 1; i < orders; i++) await topUp(buyer, esim.id);
  const usageRecords = ledgerEntries - orders;
  for (let i = 0; i < usageRecords; i++) {
    // Small records, so no package runs dry and each record is one debit.
    const result = await recordUsage({ esimId: esim.id, userId: buyer.id, recordId: randomUUID(), dataBytes: 64n * KB, voiceSeconds: 0, source: "benchmark" });
    if (result.status !== "recorded") throw new Error(`usage ${result.status}`);
  }
  const counts = {
    orders: await db.order.count({ where: { userId: buyer.id } }),
    ledgerEntries: await db.ledgerEntry.count({ where: { esimId: esim.id } }),
  };
  const token = await createApiToken(buyer.id, "benchmark");
  if (token.status !== "created") throw new Error(`no API token: ${token.status}`);
  const user = await db.user.findUniqueOrThrow({ where: { id: buyer.id } });
  return { counts, cookie: await sessionCookie(user), bearer: `Bearer ${token.token}`, iccid: esim.iccid, esimId: esim.id };
}

async function latency(server: AppServer, path: string, headers: Record<string, string>) {
  for (let i = 0; i < 20; i++) {
    const response = await fetch(`${server.url}${path}`, { headers, redirect: "manual" });
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    await response.arrayBuffer();
  }
  return load(`${server.url}${path}`, { connections: 1, seconds: 5, headers });
}

async function measure(server: AppServer, account: Awaited<ReturnType<typeof accountWithHistory>>) {
  return {
    ...account.counts,
    dashboard: await latency(server, "/en/dashboard", { cookie: account.cookie }),
    esimPage: await latency(server, `/en/esims/${account.esimId}`, { cookie: account.cookie }),
    ordersPage: await latency(server, "/en/orders", { cookie: account.cookie }),
    usageApi: await latency(server, `/api/v1/esims/${account.iccid}/usage`, { authorization: account.bearer }),
  };
}

export async function scale(app?: AppServer) {
  const started = Date.now();
  const small = await accountWithHistory(10, 10);
  const large = await accountWithHistory(1_000, 10_000);
  console.log(`built both histories in ${Math.round((Date.now() - started) / 1000)} s`);
  const server = app ?? (await startApp(3100));
  try {
    const results = { small: await measure(server, small), large: await measure(server, large) };
    const ratios: Record<string, number> = {};
    for (const key of ["dashboard", "esimPage", "ordersPage", "usageApi"] as const) {
      ratios[key] = +(results.large[key].p50Ms / results.small[key].p50Ms).toFixed(2);
      console.log(`${key.padEnd(11)} p50 ${results.small[key].p50Ms} ms → ${results.large[key].p50Ms} ms: ×${ratios[key]} (target ≤ 1.2)`);
    }
    saveResult("scale", { ...results, ratios });
    return ratios;
  } finally {
    if (!app) await server.stop();
  }
}
