// Purchases end to end through the HTTP surface of `next start`, as browsers without
// JavaScript make them: checkout page → its server-action form → local checkout → card form
// (which delivers the signed webhook; fulfilment issues the eSIM and queues its emails) →
// success page. Buyers loop for a fixed time at each concurrency; afterwards every order,
// eSIM and email is accounted for, in the database and in the mail catcher.
// The load generator shares the machine with the server, the database and the mail catcher.
import { forgetCheckoutThrottle } from "../../lib/testing/shop";
import { startApp } from "./lib/app-server";
import { type Buyer, signedInBuyers } from "./lib/buyers";
import { purchaseIntegrity } from "./lib/integrity";
import { drainProfile, emailIntegrity, waitForOutboxDrain } from "./lib/mailbox";
import { buyPlan } from "./lib/purchase";
import { saveResult } from "./lib/results";
import { latencySummary } from "./lib/stats";

// A data pack with no running sale, code or stock limit, so every purchase is the same work.
const PLAN = "au-1gb-3d";
const CONCURRENCY = [1, 10, 50];
const SECONDS = Number(process.env.BENCH_FLOW_SECONDS ?? 10);
const WARM_UP_PURCHASES = 3;

type Run = ReturnType<typeof summarise>;

type Tally = { latencies: number[]; confirmed: string[]; errors: string[] };

async function buyUntil(deadline: number, buyer: Buyer, origin: string, tally: Tally) {
  while (Date.now() < deadline) {
    const started = performance.now();
    try {
      tally.confirmed.push(await buyPlan(buyer.browser, origin, PLAN));
      tally.latencies.push(performance.now() - started);
      await forgetCheckoutThrottle(buyer.id);
    } catch (error) {
      tally.errors.push(error instanceof Error ? error.message : String(error));
    }
  }
}

function summarise(buyers: number, seconds: number, tally: Tally) {
  return {
    buyers,
    purchases: tally.confirmed.length,
    seconds: Math.round(seconds * 10) / 10,
    purchasesPerSecond: Math.round((tally.confirmed.length / seconds) * 10) / 10,
    ...latencySummary(tally.latencies),
    errors: tally.errors.length,
    firstErrors: [...new Set(tally.errors)].slice(0, 3),
  };
}

// Purchases started before the deadline finish, so a run lasts a little longer than SECONDS.
async function run(origin: string, buyers: Buyer[], confirmed: string[]) {
  const tally: Tally = { latencies: [], confirmed: [], errors: [] };
  const started = performance.now();
  const deadline = Date.now() + SECONDS * 1000;
  await Promise.all(buyers.map((buyer) => buyUntil(deadline, buyer, origin, tally)));
  confirmed.push(...tally.confirmed);
  return summarise(buyers.length, (performance.now() - started) / 1000, tally);
}

function printRuns(runs: Run[]) {
  console.log("buyers  purchases  seconds  purchases/s  p50 ms  p95 ms  errors");
  for (const r of runs) {
    console.log(
      `${String(r.buyers).padStart(6)}  ${String(r.purchases).padStart(9)}  ${String(r.seconds).padStart(7)}  ${String(r.purchasesPerSecond).padStart(11)}  ${String(r.p50Ms).padStart(6)}  ${String(r.p95Ms).padStart(6)}  ${String(r.errors).padStart(6)}`,
    );
    for (const error of r.firstErrors) console.log(`        error: ${error}`);
  }
}

export async function flow() {
  const server = await startApp(3100);
  try {
    const buyers = await signedInBuyers(Math.max(...CONCURRENCY));
    const userIds = buyers.map((buyer) => buyer.id);
    // The buyers' verification emails go out before the runs, not during them.
    await waitForOutboxDrain(userIds);
    const confirmed: string[] = [];
    for (let i = 0; i < WARM_UP_PURCHASES; i++) confirmed.push(await buyPlan(buyers[0]!.browser, server.url, PLAN));
    await forgetCheckoutThrottle(buyers[0]!.id);

    const runs: Run[] = [];
    for (const concurrency of CONCURRENCY) runs.push(await run(server.url, buyers.slice(0, concurrency), confirmed));
    printRuns(runs);

    const loadEnded = new Date();
    const outboxDrain = { ...(await waitForOutboxDrain(userIds)), ...(await drainProfile(userIds, loadEnded)) };
    const purchases = await purchaseIntegrity(userIds, confirmed);
    const emails = await emailIntegrity(userIds);
    console.log(
      `outbox drained ${outboxDrain.drained ? `in ${outboxDrain.ms} ms` : `NOT within ${outboxDrain.ms} ms (${outboxDrain.pending} pending)`} after the last run: ${outboxDrain.emails} emails at ${outboxDrain.emailsPerSecond}/s, longest pause ${outboxDrain.longestPauseMs} ms (${outboxDrain.pausesOver4s} over 4 s); queue → SMTP p50 ${emails.queueToSmtp.p50Ms} ms, p95 ${emails.queueToSmtp.p95Ms} ms`,
    );
    console.log(
      `eSIMs: expected ${purchases.esims.expected}, found ${purchases.esims.found}; orders ${purchases.fulfilled}/${purchases.orders} fulfilled, ${purchases.unpaid} unpaid`,
    );
    console.log(`emails: ${JSON.stringify(emails.outbox)}; mail catcher ${JSON.stringify(emails.inbox)}`);

    const result = {
      plan: PLAN,
      secondsPerRun: SECONDS,
      warmUpPurchases: WARM_UP_PURCHASES,
      runs,
      outboxDrain,
      integrity: { purchases, emails },
    };
    saveResult("flow", result);
    if (!purchases.ok || !emails.ok || !outboxDrain.drained)
      throw new Error("flow: an order, eSIM or email was lost or duplicated (see benchmarks/flow.json)");
    return result;
  } finally {
    await server.stop();
  }
}
