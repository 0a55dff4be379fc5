// Does the balance stay as fast as history grows? The same pages and API calls for an account
// with a short history (10 orders, 10 ledger entries) and a long one (1,000 orders, 10,000
// ledger entries on one eSIM, used for three months), built through the product's own
// checkout, fulfilment, usage and simulator code. Requests go one at a time, alternating
// between the two accounts so that both see the same machine, and each is timed to 0.01 ms.
import { randomUUID } from "node:crypto";
import { advanceClock } from "../../lib/balance/simulator";
import { recordUsage } from "../../lib/balance/usage";
import { db } from "../../lib/db/client";
import { fulfilCheckout } from "../../lib/orders/fulfilment";
import { forgetApiBudgets, newApiToken } from "../../lib/testing/api-tokens";
import { activeEsim, forgetCheckoutThrottle, paidTopUpWithoutDelivery } from "../../lib/testing/shop";
import { type AppServer, startApp } from "./lib/app-server";
import { saveResult } from "./lib/results";
import { percentile } from "./lib/stats";
import { sessionCookie } from "./lib/session";

const PLAN = "docomo-3gb-7d";
const TOP_UP = "docomo-topup-1gb-7d";
const KB = 1024n;
const RECORDS_PER_DAY = 100;
const SAMPLES = 200;

async function topUp(buyer: { id: string; email: string }, esimId: string) {
  await fulfilCheckout((await paidTopUpWithoutDelivery(buyer, esimId, TOP_UP)).sessionId);
  await forgetCheckoutThrottle(buyer.id);
}

async function accountWithHistory(orders: number, ledgerEntries: number) {
  const { buyer, esim } = await activeEsim(PLAN);
  for (let i = 1; i < orders; i++) await topUp(buyer, esim.id);
  const usageRecords = ledgerEntries - orders;
  for (let i = 0; i < usageRecords; i++) {
    // A day's worth of records, then the eSIM's clock moves to the next day.
    if (i > 0 && i % RECORDS_PER_DAY === 0) await advanceClock(esim.id, buyer.id, 24 * 60);
    // Small records, so no package runs dry and each record is one debit.
    const result = await recordUsage({
      esimId: esim.id,
      userId: buyer.id,
      recordId: randomUUID(),
      dataBytes: 64n * KB,
      voiceSeconds: 0,
      source: "benchmark",
    });
    if (result.status !== "recorded") throw new Error(`usage ${result.status}`);
  }
  const counts = {
    orders: await db.order.count({ where: { userId: buyer.id } }),
    ledgerEntries: await db.ledgerEntry.count({ where: { esimId: esim.id } }),
  };
  const token = await newApiToken(buyer, { name: "benchmark" });
  return {
    counts,
    cookie: await sessionCookie(buyer),
    bearer: `Bearer ${token.token}`,
    iccid: esim.iccid,
    esimId: esim.id,
  };
}

type Account = Awaited<ReturnType<typeof accountWithHistory>>;
type Route = {
  name: string;
  path: (account: Account) => string;
  headers: (account: Account) => Record<string, string>;
  // Untimed, before each request.
  before?: () => Promise<void>;
};

const ROUTES: Route[] = [
  { name: "dashboard", path: () => "/en/dashboard", headers: (a) => ({ cookie: a.cookie }) },
  { name: "esimPage", path: (a) => `/en/esims/${a.esimId}`, headers: (a) => ({ cookie: a.cookie }) },
  { name: "ordersPage", path: () => "/en/orders", headers: (a) => ({ cookie: a.cookie }) },
  {
    name: "usageApi",
    path: (a) => `/api/v1/esims/${a.iccid}/usage`,
    headers: (a) => ({ authorization: a.bearer }),
    before: forgetApiBudgets,
  },
];

async function timedRequest(server: AppServer, route: Route, account: Account): Promise<number> {
  await route.before?.();
  const started = performance.now();
  const response = await fetch(`${server.url}${route.path(account)}`, {
    headers: route.headers(account),
    redirect: "manual",
  });
  await response.arrayBuffer();
  const elapsed = performance.now() - started;
  if (response.status !== 200) throw new Error(`${route.path(account)} answered ${response.status}`);
  return elapsed;
}

const p50 = (values: number[]) => percentile(values, 50, 2)!;

async function compare(server: AppServer, route: Route, small: Account, large: Account) {
  for (let i = 0; i < 20; i++)
    await Promise.all([timedRequest(server, route, small), timedRequest(server, route, large)]);
  const samples = { small: [] as number[], large: [] as number[] };
  for (let i = 0; i < SAMPLES; i++) {
    samples.small.push(await timedRequest(server, route, small));
    samples.large.push(await timedRequest(server, route, large));
  }
  const smallP50Ms = p50(samples.small);
  const largeP50Ms = p50(samples.large);
  return { route: route.name, smallP50Ms, largeP50Ms, ratio: +(largeP50Ms / smallP50Ms).toFixed(2) };
}

export async function scale() {
  const started = Date.now();
  const small = await accountWithHistory(10, 10);
  const large = await accountWithHistory(1_000, 10_000);
  console.log(`built both histories in ${Math.round((Date.now() - started) / 1000)} s`);
  const server = await startApp(3100);
  try {
    const routes = [];
    for (const route of ROUTES) {
      const result = await compare(server, route, small, large);
      console.log(
        `${route.name.padEnd(11)} p50 ${result.smallP50Ms} ms → ${result.largeP50Ms} ms: ×${result.ratio} (target ≤ 1.2)`,
      );
      routes.push(result);
    }
    saveResult("scale", { small: small.counts, large: large.counts, samplesPerRoute: SAMPLES, routes });
    return routes;
  } finally {
    await server.stop();
  }
}
