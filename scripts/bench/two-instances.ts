// Two `next start` instances on one database and one mail server, behind a simulated load
// balancer: each request goes to the instance the route picks, with X-Forwarded-Host naming
// the public address (APP_URL), as a load balancer sets it for Next's server-action origin check;
// redirects, callbacks and the local checkout's webhook come from APP_URL and AUTH_URL.
// Anything shared that lived in one process's memory — sessions, checkout state, rate-limit
// counters, the email queue, alert bookkeeping — would show here as a failed check.
import { isDeepStrictEqual } from "node:util";
import type { UsageObject } from "../../lib/api/usage-object";
import { LOGIN_FAILURES_PER_ACCOUNT } from "../../lib/auth/login-rate-limit";
import { db } from "../../lib/db/client";
import { BUYER_PASSWORD, newBuyer } from "../../lib/testing/shop";
import { uniqueIp } from "../../lib/testing/users";
import auth from "../../messages/en/auth.json";
import { type AppServer, startApp } from "./lib/app-server";
import { always, Browser, type Page, type Route, roundRobin, withField } from "./lib/form-client";
import { purchaseIntegrity } from "./lib/integrity";
import { emailIntegrity, waitForOutboxDrain } from "./lib/mailbox";
import {
  expectEsimShown,
  openPlanCheckout,
  openTopUpCheckout,
  payByCard,
  sessionIdOf,
  successUrl,
} from "./lib/purchase";
import { saveResult } from "./lib/results";
import { SESSION_COOKIE, sessionCookie } from "./lib/session";
import { watchSmtpSenders } from "./lib/smtp-senders";
import { countBy } from "./lib/stats";

const PUBLIC = process.env.APP_URL ?? "http://127.0.0.1:3100";
const PLAN = "au-1gb-3d";
const PACK = { slug: "au-topup-1gb-7d", bytes: 1024 * 1024 ** 2, days: 7 };
const BUYERS = 8;
// Twenty records of 48 MB on a 1 GB plan: 93.75 % used, past 75 % and 90 %, short of 100 %.
const USAGE = { records: 20, bytes: 48 * 1024 ** 2 };
const MAX_LOGIN_ATTEMPTS = 3 * LOGIN_FAILURES_PER_ACCOUNT;

type Instances = { a: AppServer; b: AppServer; both: string[] };
type User = { id: string; email: string };
type Check = { name: string; ok: boolean; expected: unknown; found: unknown };

const check = (name: string, expected: unknown, found: unknown): Check => ({
  name,
  ok: isDeepStrictEqual(expected, found),
  expected,
  found,
});
const path = (page: Page) => new URL(page.url).pathname;
const tally = (values: string[]) => Object.fromEntries(countBy(values));

async function signedIn(user: User, route: Route): Promise<Browser> {
  const browser = new Browser({ publicOrigin: PUBLIC, route });
  browser.setCookie(await sessionCookie(user));
  return browser;
}

// Through instance A's login form; the browser keeps the session cookie A sets.
async function logInOnA(instances: Instances, user: User) {
  const browser = new Browser({
    publicOrigin: PUBLIC,
    route: always(instances.a.url),
    headers: { "x-forwarded-for": uniqueIp() },
  });
  const login = await browser.get(`${PUBLIC}/en/login`);
  const account = await browser.submit(login.form(withField("email"), "login"), {
    email: user.email,
    password: BUYER_PASSWORD,
  });
  const found = { status: account.status, path: path(account), sessionCookie: browser.hasCookie(SESSION_COOKIE) };
  return {
    browser,
    check: check(
      "sessions: log in through instance A's form",
      { status: 200, path: "/en/account", sessionCookie: true },
      found,
    ),
  };
}

// Straight after the login, so nothing but A's cookie can sign the browser in on B. The page
// names the account: its banner asks this new user to confirm their email address.
async function dashboardOnB(instances: Instances, browser: Browser, user: User): Promise<Check> {
  browser.route = always(instances.b.url);
  const dashboard = await browser.get(`${PUBLIC}/en/dashboard`);
  const found = { status: dashboard.status, path: path(dashboard), showsTheirEmail: dashboard.includes(user.email) };
  return check(
    "sessions: A's session cookie opens the dashboard on B",
    { status: 200, path: "/en/dashboard", showsTheirEmail: true },
    found,
  );
}

// The buyer's second tab keeps loading the success page, through both instances, while the
// card payment and its webhook are in flight: the page fulfils a paid order too, so the two
// race to fulfil it, as a Stripe redirect racing its webhook does.
async function payWhileReloading(browser: Browser, card: Page, secondTab: Browser) {
  let paying = true;
  const reload = async () => {
    let loads = 0;
    for (; paying; loads++) await secondTab.get(successUrl(PUBLIC, sessionIdOf(card)));
    return loads;
  };
  const payment = payByCard(browser, card).finally(() => (paying = false));
  const [success, racingLoads] = await Promise.all([payment, reload()]);
  return { success, racingLoads };
}

// Round robin per request: checkout page on one instance, its form on the other, the card page
// on the first, the payment on the second, the success page on the first.
async function buyAcross(instances: Instances, user: User, browser: Browser) {
  const card = await openPlanCheckout(browser, PUBLIC, PLAN);
  const { success, racingLoads } = await payWhileReloading(
    browser,
    card,
    await signedIn(user, roundRobin(instances.both)),
  );
  expectEsimShown(success, card);
  return { sessionId: sessionIdOf(card), racingLoads };
}

async function purchases(instances: Instances, loggedIn: { user: User; browser: Browser }) {
  const others = await Promise.all(Array.from({ length: BUYERS - 1 }, () => newBuyer()));
  const buyers = [
    loggedIn,
    ...(await Promise.all(
      others.map(async (user, i) => ({ user, browser: await signedIn(user, roundRobin(instances.both, (i + 1) % 2)) })),
    )),
  ];
  loggedIn.browser.route = roundRobin(instances.both);
  const bought = await Promise.all(buyers.map(({ user, browser }) => buyAcross(instances, user, browser)));
  return {
    users: buyers.map(({ user }) => user),
    sessionIds: bought.map((b) => b.sessionId),
    racingLoads: bought.reduce((sum, b) => sum + b.racingLoads, 0),
  };
}

async function purchaseChecks(userIds: string[], sessionIds: string[]): Promise<Check[]> {
  const integrity = await purchaseIntegrity(userIds, sessionIds);
  const found = {
    orders: integrity.orders,
    fulfilled: integrity.fulfilled,
    esims: integrity.esims.found,
    wrongEsimCount: integrity.esims.ordersWithWrongCount.length,
    esimsWithoutOrder: integrity.esims.withoutFulfilledOrder,
    ok: integrity.ok,
  };
  return [
    check(
      "purchases: each fulfilled exactly once, one eSIM each",
      { orders: BUYERS, fulfilled: BUYERS, esims: BUYERS, wrongEsimCount: 0, esimsWithoutOrder: 0, ok: true },
      found,
    ),
  ];
}

async function webhookCheck(since: Date, payments: number): Promise<Check> {
  const handled = await db.processedWebhookEvent.count({
    where: { type: "checkout.session.completed", processedAt: { gte: since } },
  });
  return check("purchases: one checkout.session.completed webhook handled per payment", payments, handled);
}

async function esimOf(userId: string) {
  return db.esimProfile.findFirstOrThrow({ where: { userId }, select: { id: true, iccid: true } });
}

// As the phone reports it, through the lifecycle route, each event on the next instance.
async function activate(browser: Browser, esimId: string) {
  for (const event of ["download", "install", "enable"]) {
    const response = await browser.request(`${PUBLIC}/api/esims/${esimId}/lifecycle`, {
      method: "POST",
      body: JSON.stringify({ event }),
      headers: { "content-type": "application/json" },
    });
    if (!response.ok) throw new Error(`${event} answered ${response.status}: ${await response.text()}`);
    await response.arrayBuffer();
  }
}

// Through the API tokens page's form; the new token is shown once, in the page.
async function apiToken(browser: Browser): Promise<string> {
  const page = await browser.get(`${PUBLIC}/en/api-tokens`);
  const created = await browser.submit(page.form(withField("name"), "new API token"), { name: "two-instances" });
  const input = /<input[^>]*data-testid="new-api-token"[^>]*>/.exec(created.html)?.[0];
  const token = input && /value="(tabi_[^"]+)"/.exec(input)?.[1];
  if (!token) throw new Error(`no new API token on ${created.url} (${created.status})`);
  return token;
}

// The user's eSIM, installed and on the network, and an API token to read and report its usage.
async function activeEsimWithToken(browser: Browser, userId: string) {
  const esim = await esimOf(userId);
  await activate(browser, esim.id);
  return { esim, token: await apiToken(browser) };
}

async function usage(upstream: string, token: string, iccid: string): Promise<UsageObject> {
  const response = await fetch(`${upstream}/api/v1/esims/${iccid}/usage`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw new Error(`usage of ${iccid} answered ${response.status}`);
  return (await response.json()) as UsageObject;
}

async function topUp(instances: Instances, user: User, browser: Browser): Promise<Check[]> {
  const { esim, token } = await activeEsimWithToken(browser, user.id);
  const before = await usage(instances.b.url, token, esim.iccid);
  const card = await openTopUpCheckout(browser, PUBLIC, esim.id, PACK.slug);
  await payWhileReloading(browser, card, await signedIn(user, roundRobin(instances.both, 1)));
  const after = await usage(instances.a.url, token, esim.iccid);
  const packages = await db.dataPackage.count({ where: { esimId: esim.id, kind: "TOP_UP" } });
  const found = {
    addedBytes: after.total! - before.total!,
    addedDays: (Date.parse(after.expired_at!) - Date.parse(before.expired_at!)) / 86_400_000,
    topUpPackages: packages,
  };
  return [
    check(
      "top-up: paid across instances, credited exactly once",
      { addedBytes: PACK.bytes, addedDays: PACK.days, topUpPackages: 1 },
      found,
    ),
  ];
}

const RATE_LIMITED = auth.Auth.rateLimited.split("{")[0]!;
const WRONG_PASSWORD = auth.Auth.invalidCredentials;

// Failed logins for one account until the form says to wait; returns the attempt that was refused.
async function attemptsUntilLimited(route: Route, email: string): Promise<number | null> {
  const browser = new Browser({ publicOrigin: PUBLIC, route, headers: { "x-forwarded-for": uniqueIp() } });
  let page = await browser.get(`${PUBLIC}/en/login`);
  for (let attempt = 1; attempt <= MAX_LOGIN_ATTEMPTS; attempt++) {
    page = await browser.submit(page.form(withField("email"), "login"), { email, password: "not the password" });
    if (page.status === 429 || page.alerts.some((alert) => alert.startsWith(RATE_LIMITED))) return attempt;
    if (!page.alerts.includes(WRONG_PASSWORD))
      throw new Error(`login attempt ${attempt} answered ${page.status} with alerts ${JSON.stringify(page.alerts)}`);
  }
  return null;
}

async function rateLimits(instances: Instances) {
  const [alone, spread] = await Promise.all([newBuyer(), newBuyer()]);
  const found = {
    oneInstance: await attemptsUntilLimited(always(instances.a.url), alone.email),
    alternating: await attemptsUntilLimited(roundRobin(instances.both), spread.email),
  };
  const refusedAt = LOGIN_FAILURES_PER_ACCOUNT + 1;
  return {
    users: [alone, spread],
    check: check(
      "rate limits: failed logins spread over both instances are counted together",
      { oneInstance: refusedAt, alternating: refusedAt },
      found,
    ),
  };
}

async function postUsage(instances: Instances, token: string, iccid: string) {
  const statuses = await Promise.all(
    Array.from({ length: USAGE.records }, async (_, i) => {
      const response = await fetch(`${instances.both[i % 2]}/api/v1/esims/${iccid}/usage`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ record_id: `two-instances-${i}`, data_bytes: USAGE.bytes }),
      });
      await response.arrayBuffer();
      return response.status;
    }),
  );
  return tally(statuses.map(String));
}

async function alerts(instances: Instances, user: User, browser: Browser): Promise<Check[]> {
  const { esim, token } = await activeEsimWithToken(browser, user.id);
  const before = await usage(instances.a.url, token, esim.iccid);
  const statuses = await postUsage(instances, token, esim.iccid);
  const after = await usage(instances.b.url, token, esim.iccid);
  const raised = tally(
    (await db.balanceAlert.findMany({ where: { esimId: esim.id }, select: { kind: true } })).map((alert) => alert.kind),
  );
  const emailed = tally(
    (
      await db.outboxEmail.findMany({
        where: { userId: user.id, template: "balance-alert" },
        select: { payload: true },
      })
    ).map((row) => String((row.payload as { kind: string }).kind)),
  );
  const oncePerKind = { ...Object.fromEntries(Object.keys(raised).map((kind) => [kind, 1])), DATA_75: 1, DATA_90: 1 };
  return [
    check(
      "alerts: concurrent usage records on both instances all recorded and added up",
      { statuses: { 201: USAGE.records }, usedBytes: USAGE.records * USAGE.bytes },
      { statuses, usedBytes: before.remaining! - after.remaining! },
    ),
    check("alerts: 75 % and 90 % (and any other) raised exactly once", oncePerKind, raised),
    check("alerts: one email queued per alert", raised, emailed),
  ];
}

async function emails(userIds: string[]): Promise<Check[]> {
  const drain = await waitForOutboxDrain(userIds, 60_000);
  const integrity = await emailIntegrity(userIds);
  const sent = Object.fromEntries(
    Object.entries(integrity.outbox).map(([template, t]) => [template, `${t.sent}/${t.expected}`]),
  );
  const expected = Object.fromEntries(
    Object.entries(integrity.outbox).map(([template, t]) => [template, `${t.expected}/${t.expected}`]),
  );
  return [
    check("emails: outbox drained by the two workers", true, drain.drained),
    check("emails: every expected email sent once (outbox)", expected, sent),
    check(
      "emails: every sent email in the mail catcher once, nothing extra",
      { lost: 0, duplicated: 0, extra: 0, ok: true },
      {
        lost: integrity.inbox.lost,
        duplicated: integrity.inbox.duplicated,
        extra: integrity.inbox.extra,
        ok: integrity.ok,
      },
    ),
  ];
}

async function scenario(instances: Instances) {
  const since = new Date();
  const loginUser = await newBuyer();
  const login = await logInOnA(instances, loginUser);
  const checks = [login.check, await dashboardOnB(instances, login.browser, loginUser)];
  const bought = await purchases(instances, { user: loginUser, browser: login.browser });
  checks.push(
    ...(await purchaseChecks(
      bought.users.map((u) => u.id),
      bought.sessionIds,
    )),
  );
  checks.push(...(await topUp(instances, loginUser, login.browser)));
  checks.push(await webhookCheck(since, BUYERS + 1));
  const alertUser = bought.users[1]!;
  checks.push(...(await alerts(instances, alertUser, await signedIn(alertUser, roundRobin(instances.both, 1)))));
  const limited = await rateLimits(instances);
  checks.push(limited.check);
  checks.push(...(await emails([...bought.users, ...limited.users].map((u) => u.id))));
  return { checks, racingSuccessPageLoads: bought.racingLoads };
}

function printChecks(checks: Check[]) {
  for (const c of checks) {
    console.log(`${c.ok ? "ok  " : "FAIL"} ${c.name}`);
    if (!c.ok) console.log(`     expected ${JSON.stringify(c.expected)}\n     found    ${JSON.stringify(c.found)}`);
  }
}

export async function twoInstances() {
  const [a, b] = await Promise.all([startApp(3100), startApp(3101)]);
  try {
    const started = performance.now();
    const senders = watchSmtpSenders(Number(new URL(process.env.SMTP_URL!).port), {
      A: Number(new URL(a.url).port),
      B: Number(new URL(b.url).port),
    });
    const { checks, racingSuccessPageLoads } = await scenario({ a, b, both: [a.url, b.url] });
    const smtpConnectionsByInstance = await senders.stop();
    printChecks(checks);
    console.log(
      `SMTP connections seen per instance: ${JSON.stringify(smtpConnectionsByInstance)}; success-page loads racing the payments: ${racingSuccessPageLoads}`,
    );
    const result = {
      instances: [a.url, b.url],
      publicOrigin: PUBLIC,
      seconds: Math.round((performance.now() - started) / 100) / 10,
      racingSuccessPageLoads,
      smtpConnectionsByInstance,
      passed: checks.every((c) => c.ok),
      checks,
    };
    saveResult("two-instances", result);
    const failed = checks.filter((c) => !c.ok);
    if (failed.length)
      throw new Error(`two-instances: ${failed.length} check(s) failed: ${failed.map((c) => c.name).join("; ")}`);
    return result;
  } finally {
    await Promise.all([a.stop(), b.stop()]);
  }
}
