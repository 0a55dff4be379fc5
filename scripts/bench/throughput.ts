// Requests per second of the catalog and the dashboard against `next start`, each as a ratio
// to a baseline measured in the same run on the same server: the landing page (rendered per
// request since the pages carry a CSP nonce) for the catalog, and /api/health (a bare force-dynamic route) for the
// dashboard. Ratios rather than absolute figures, because the load generator shares the CPU.
// A third baseline, the cheapest dynamic page of the benchmark build (the locale layout around
// one line, rendered on every request), separates what Next's rendering costs every dynamic
// page from what the dashboard's own work adds; the issue sets no target against it.
import { startApp } from "./lib/app-server";
import { load, type LoadResult } from "./lib/load";
import { saveResult } from "./lib/results";
import { usedTraveller } from "./lib/traveller";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = 3;

function median(results: LoadResult[]): LoadResult {
  return [...results].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond)[Math.floor(results.length / 2)]!;
}

async function warm(url: string, headers: Record<string, string> = {}) {
  for (let i = 0; i < 20; i++) {
    const response = await fetch(url, { headers, redirect: "manual" });
    if (response.status !== 200)
      throw new Error(
        `${url} answered ${response.status} (the build must come from \`npm run bench\`, which adds the benchmark pages)`,
      );
    await response.arrayBuffer();
  }
}

export async function throughput() {
  const server = await startApp(3100);
  try {
    const { cookie } = await usedTraveller();
    const signedIn = { cookie };
    const urls = {
      staticPage: `${server.url}/en`,
      plans: `${server.url}/en/plans`,
      bareDynamic: `${server.url}/api/health`,
      dynamicPage: `${server.url}/en/dynamic-floor`,
      dashboard: `${server.url}/en/dashboard`,
    };
    for (const [name, url] of Object.entries(urls)) await warm(url, name === "dashboard" ? signedIn : {});
    const cache = (await fetch(urls.plans)).headers.get("x-nextjs-cache");

    // Rounds that alternate the routes, and the median round of each, so a burst of
    // background work on the shared CPU cannot decide a ratio on its own.
    const rounds: Record<keyof typeof urls, LoadResult[]> = {
      staticPage: [],
      plans: [],
      bareDynamic: [],
      dynamicPage: [],
      dashboard: [],
    };
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, url] of Object.entries(urls) as [keyof typeof urls, string][]) {
        rounds[name].push(
          await load(url, { connections: 10, seconds: SECONDS, headers: name === "dashboard" ? signedIn : {} }),
        );
      }
    }
    const runs = Object.fromEntries(Object.entries(rounds).map(([name, results]) => [name, median(results)])) as Record<
      keyof typeof urls,
      LoadResult
    >;
    for (const [name, run] of Object.entries(runs)) {
      console.log(
        `${name.padEnd(12)} ${String(run.requestsPerSecond).padStart(6)} req/s  p50 ${run.p50Ms} ms  p99 ${run.p99Ms} ms  non-2xx ${run.non2xx}`,
      );
    }
    const result = {
      plansCache: cache,
      rounds: ROUNDS,
      runs,
      plansToStatic: runs.plans.requestsPerSecond / runs.staticPage.requestsPerSecond,
      dashboardToBareDynamic: runs.dashboard.requestsPerSecond / runs.bareDynamic.requestsPerSecond,
      dashboardToDynamicPage: runs.dashboard.requestsPerSecond / runs.dynamicPage.requestsPerSecond,
    };
    console.log(
      `/plans ÷ static ${result.plansToStatic.toFixed(2)} (target ≥ 0.9); dashboard ÷ bare dynamic ${result.dashboardToBareDynamic.toFixed(2)} (target ≥ 0.6, p99 < 100 ms); dashboard ÷ dynamic page ${result.dashboardToDynamicPage.toFixed(2)}`,
    );
    saveResult("throughput", result);
    return result;
  } finally {
    await server.stop();
  }
}
