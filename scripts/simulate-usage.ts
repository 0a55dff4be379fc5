// Generates realistic network usage for many eSIMs at once, for demos and benchmarks:
//   npm run simulate:usage -- --esims 50 --records 20 --concurrency 10
// It buys and activates the eSIMs through the shop's own code paths (registration, checkout,
// local test-mode payment, fulfilment, lifecycle), then reports usage records for all of them
// concurrently and prints the throughput.
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { applyDevelopmentDefaults } from "../lib/development-defaults";

applyDevelopmentDefaults();
// Webhook deliveries are skipped on purpose (see lib/testing/shop.ts); keep the output to results.
process.env.LOG_LEVEL ??= "error";

const { values } = parseArgs({
  options: {
    esims: { type: "string", default: "20" },
    records: { type: "string", default: "20" },
    concurrency: { type: "string", default: "10" },
    plan: { type: "string", default: "softbank-20gb-30d" },
  },
});
const ESIMS = Number(values.esims);
const RECORDS = Number(values.records);
const CONCURRENCY = Number(values.concurrency);

// Most records are small (messaging, maps), some large (video), a few are calls.
function randomRecord() {
  const roll = Math.random();
  const megabytes =
    roll < 0.7 ? 1 + Math.random() * 20 : roll < 0.95 ? 20 + Math.random() * 200 : 200 + Math.random() * 800;
  const voiceSeconds = Math.random() < 0.1 ? Math.round(30 + Math.random() * 270) : 0;
  return { dataBytes: BigInt(Math.round(megabytes * 1_048_576)), voiceSeconds };
}

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<void>) {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: size }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

async function main() {
  // Imported after the defaults are applied: the modules read the configuration on load.
  const { activeEsim } = await import("../lib/testing/shop");
  const { recordUsage } = await import("../lib/balance/usage");
  const { db } = await import("../lib/db/client");

  console.log(`Buying and activating ${ESIMS} eSIMs (${values.plan})…`);
  const esims: { id: string; userId: string }[] = [];
  await inBatches(
    Array.from({ length: ESIMS }, (_, i) => i),
    CONCURRENCY,
    async () => {
      esims.push((await activeEsim(values.plan)).esim);
    },
  );

  const jobs = esims.flatMap((esim) => Array.from({ length: RECORDS }, () => esim));
  const latencies: number[] = [];
  const outcomes = new Map<string, number>();
  const started = performance.now();
  await inBatches(jobs, CONCURRENCY, async (esim) => {
    const begin = performance.now();
    const result = await recordUsage({
      esimId: esim.id,
      userId: esim.userId,
      recordId: `load-${randomUUID()}`,
      ...randomRecord(),
      source: "load-script",
    });
    latencies.push(performance.now() - begin);
    outcomes.set(result.status, (outcomes.get(result.status) ?? 0) + 1);
  });
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const percentile = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]?.toFixed(1);
  console.log(
    JSON.stringify(
      {
        esims: ESIMS,
        records: jobs.length,
        concurrency: CONCURRENCY,
        seconds: Number(seconds.toFixed(2)),
        recordsPerSecond: Number((jobs.length / seconds).toFixed(1)),
        latencyMs: { p50: percentile(50), p95: percentile(95), p99: percentile(99) },
        outcomes: Object.fromEntries(outcomes),
      },
      null,
      2,
    ),
  );
  await db.$disconnect();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
