// Requests per second of the catalog and the dashboard against `next start`, each as a ratio
// to a baseline measured in the same run on the same server: the landing page (prerendered,
// served from the cache) for the catalog, and /api/health (a bare force-dynamic route) for the
// dashboard. Ratios rather than absolute figures, because the load generator shares the CPU.
import { type AppServer, startApp } from "./lib/app-server";
import { load, type LoadResult } from "./lib/load";
import { saveResult } from "./lib/results";
import { usedTraveller } from "./lib/traveller";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

async function warm(url: string, headers: Record<string, string> = {}) {
  for (let i = 0; i < 20; i++) {
    const response = await fetch(url, { headers, redirect: "manual" });
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    await response.arrayBuffer();
  }
}

export async function throughput(app?: AppServer) {
  const server = app ?? (await startApp(3100));
  try {
    const { cookie } = await usedTraveller();
    const signedIn = { cookie };
    const urls = {
      staticPage: `${server.url}/en`,
      plans: `${server.url}/en/plans`,
      bareDynamic: `${server.url}/api/health`,
      dashboard: `${server.url}/en/dashboard`,
    };
    for (const [name, url] of Object.entries(urls)) await warm(url, name === "dashboard" ? signedIn : {});
    const cache = (await fetch(urls.plans)).headers.get("x-nextjs-cache");

    const runs: Record<keyof typeof urls, LoadResult> = {} as never;
    for (const [name, url] of Object.entries(urls) as [keyof typeof urls, string][]) {
      runs[name] = await load(url, { connections: 10, seconds: SECONDS, headers: name === "dashboard" ? signedIn : {} });
      console.log(`${name.padEnd(12)} ${String(runs[name].requestsPerSecond).padStart(6)} req/s  p50 ${runs[name].p50Ms} ms  p99 ${runs[name].p99Ms} ms  non-2xx ${runs[name].non2xx}`);
    }
    const result = {
      plansCache: cache,
      runs,
      plansToStatic: runs.plans.requestsPerSecond / runs.staticPage.requestsPerSecond,
      dashboardToBareDynamic: runs.dashboard.requestsPerSecond / runs.bareDynamic.requestsPerSecond,
    };
    console.log(`/plans ÷ static ${result.plansToStatic.toFixed(2)} (target ≥ 0.9); dashboard ÷ bare dynamic ${result.dashboardToBareDynamic.toFixed(2)} (target ≥ 0.6, p99 < 100 ms)`);
    saveResult("throughput", result);
    return result;
  } finally {
    if (!app) await server.stop();
  }
}
