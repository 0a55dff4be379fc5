// Does one busy eSIM slow everyone else down? Twenty API clients report usage for one eSIM as
// fast as they can (each with a token of its own, so the per-token budget lets a hundred of
// each through before it answers 429), while another traveller's dashboard is loaded by two
// clients; the same dashboard load on a quiet server is the baseline. Every record the API
// accepted must be in the eSIM's ledger afterwards, and nothing may fail or hang.
import { randomUUID } from "node:crypto";
import { db } from "../../lib/db/client";
import { newApiToken } from "../../lib/testing/api-tokens";
import { activeEsim } from "../../lib/testing/shop";
import { startApp } from "./lib/app-server";
import { load } from "./lib/load";
import { saveResult } from "./lib/results";
import { percentile } from "./lib/stats";
import { usedTraveller } from "./lib/traveller";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CLIENTS = 20;
// Few enough that the dashboard alone does not saturate the CPU: what it loses under the
// flood then shows as latency rather than disappearing in a full queue.
const READERS = 2;

type Writes = { sent: number; accepted: number; rateLimited: number; failed: number; p50Ms: number; p99Ms: number };

// Each client posts one record after another until the time is up.
async function floodWithUsage(url: string, tokens: string[], untilMs: number): Promise<Writes> {
  const latencies: number[] = [];
  const counts = { accepted: 0, rateLimited: 0, failed: 0 };
  await Promise.all(
    tokens.map(async (token) => {
      while (Date.now() < untilMs) {
        const started = performance.now();
        try {
          const response = await fetch(url, {
            method: "POST",
            headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
            body: JSON.stringify({ record_id: randomUUID(), data_bytes: 100 * 1024 }),
            signal: AbortSignal.timeout(15_000),
          });
          await response.arrayBuffer();
          if (response.status === 201) counts.accepted += 1;
          else if (response.status === 429) counts.rateLimited += 1;
          else counts.failed += 1;
        } catch {
          counts.failed += 1;
        }
        latencies.push(performance.now() - started);
      }
    }),
  );
  return {
    sent: latencies.length,
    ...counts,
    p50Ms: percentile(latencies, 50) ?? 0,
    p99Ms: percentile(latencies, 99) ?? 0,
  };
}

export async function oneEsim() {
  const server = await startApp(3100);
  try {
    const { cookie } = await usedTraveller();
    const { buyer, esim } = await activeEsim("docomo-3gb-7d");
    const tokens = [];
    for (let i = 0; i < CLIENTS; i++) tokens.push((await newApiToken(buyer, { name: `client ${i}` })).token);
    const dashboard = `${server.url}/en/dashboard`;
    const signedIn = { headers: { cookie } };
    const first = await fetch(dashboard, { ...signedIn, redirect: "manual" });
    if (first.status !== 200)
      throw new Error(`the dashboard answered ${first.status}: ${(await first.text()).slice(0, 300)}`);
    await load(dashboard, { connections: 2, seconds: 2, ...signedIn });

    const quiet = await load(dashboard, { connections: READERS, seconds: SECONDS, ...signedIn });
    const writes = floodWithUsage(
      `${server.url}/api/v1/esims/${esim.iccid}/usage`,
      tokens,
      Date.now() + SECONDS * 1000,
    );
    const busy = await load(dashboard, { connections: READERS, seconds: SECONDS, ...signedIn });
    const usage = await writes;
    const recorded = await db.usageRecord.count({ where: { esimId: esim.id } });
    const result = {
      clients: CLIENTS,
      quiet,
      busy,
      writes: usage,
      recorded,
      passed: usage.failed === 0 && busy.errors === 0 && busy.non2xx === 0 && recorded === usage.accepted,
    };
    console.log(
      `dashboard quiet ${quiet.requestsPerSecond} req/s p99 ${quiet.p99Ms} ms; while one eSIM takes ${usage.sent} usage reports (${usage.accepted} accepted, ${usage.rateLimited} 429, ${usage.failed} failed, p99 ${usage.p99Ms} ms): ${busy.requestsPerSecond} req/s p99 ${busy.p99Ms} ms; ledger holds ${recorded}`,
    );
    saveResult("one-esim", result);
    if (!result.passed) throw new Error("a usage report failed, a dashboard request failed, or the ledger disagrees");
    return result;
  } finally {
    await server.stop();
  }
}
