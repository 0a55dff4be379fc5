// PostgreSQL stopped (fast shutdown: every connection cut) for 10 s in the middle of the
// purchase load, then started again. The app is not restarted: it must reconnect by itself,
// answer requests during the outage quickly with a clear 503 instead of hanging, and leave
// nothing half-written (orders in a consistent state, ledgers equal to their running sums).
import { newApiToken } from "../../lib/testing/api-tokens";
import { newBuyer } from "../../lib/testing/shop";
import { startApp } from "../bench/lib/app-server";
import { sessionCookie } from "../bench/lib/session";
import { APP_PORTS } from "./lib/environment";
import { buyFor } from "./lib/load";
import { at, type Check, type Scenario, seconds, sleep } from "./lib/scenario";

const LOAD_SECONDS = 45;
const DOWN = { from: 12, seconds: 10 };
const PROBE_EVERY_MS = 500;
const PROBE_TIMEOUT_MS = 30_000;
// An answer slower than this during the outage counts as a hang.
const ANSWER_WITHIN_MS = 6_000;

type Probe = { at: number; status: number | "timeout" | "error"; ms: number; location: string | null };

async function probe(url: string, headers: Record<string, string>): Promise<Probe> {
  const started = Date.now();
  try {
    const response = await fetch(url, { headers, redirect: "manual", signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    await response.arrayBuffer();
    const location = response.headers.get("location");
    return {
      at: started,
      status: response.status,
      ms: Date.now() - started,
      location: location && new URL(location, url).pathname,
    };
  } catch (error) {
    const status = (error as Error).name === "TimeoutError" ? "timeout" : "error";
    return { at: started, status, ms: Date.now() - started, location: null };
  }
}

const tally = (probes: Probe[]) => {
  const counts: Record<string, number> = {};
  for (const p of probes) {
    const key = `${p.status}${p.location ? ` → ${p.location}` : ""}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
};

export const postgresRestart: Scenario = {
  name: "PostgreSQL restarted",
  fault: `PostgreSQL stopped at ${DOWN.from} s for ${DOWN.seconds} s of a ${LOAD_SECONDS}-s load by 10 buyers, then started; the app keeps running`,
  async run({ services, buyers, started }) {
    const app = await startApp(APP_PORTS.app);
    const watcher = await newBuyer();
    const { token } = await newApiToken(watcher);
    const targets = {
      api: { url: `${app.url}/api/v1/esims`, headers: { authorization: `Bearer ${token}` } },
      page: { url: `${app.url}/en/dashboard`, headers: { cookie: await sessionCookie(watcher) } },
    };
    const probes: Record<keyof typeof targets, Probe[]> = { api: [], page: [] };
    let probing = true;
    const probing$ = Promise.all(
      (Object.keys(targets) as (keyof typeof targets)[]).map(async (name) => {
        while (probing) {
          probes[name].push(await probe(targets[name].url, targets[name].headers));
          await sleep(PROBE_EVERY_MS);
        }
      }),
    );
    const load = buyFor(buyers, { origin: app.url, seconds: LOAD_SECONDS });
    await at(started, DOWN.from);
    const stopping = Date.now();
    await services.stopPostgres();
    const stoppedAt = Date.now();
    await sleep(DOWN.seconds * 1000);
    const startingAt = Date.now();
    await services.startPostgres();
    const restartedAt = Date.now();
    const faultEndedAt = new Date(restartedAt);
    const loadTally = await load;
    probing = false;
    await probing$;

    // Asked and answered while the server was down (not while it was shutting down or starting).
    const during = (list: Probe[]) => list.filter((p) => p.at >= stoppedAt && p.at + p.ms <= startingAt);
    const firstOkAfter = (list: Probe[]) => list.find((p) => p.at >= restartedAt && p.status === 200);
    const apiDuring = during(probes.api);
    const slowest = Math.max(...[...probes.api, ...probes.page].map((p) => p.ms));
    const reconnected = firstOkAfter(probes.api);
    const observations = {
      outageSeconds: seconds(restartedAt - stopping),
      apiDuringOutage: tally(apiDuring),
      pageDuringOutage: tally(during(probes.page)),
      slowestAnswerMs: slowest,
      apiOkAgainAfterSeconds: reconnected ? seconds(reconnected.at + reconnected.ms - restartedAt) : null,
      pageOkAgainAfterSeconds: (() => {
        const first = firstOkAfter(probes.page);
        return first ? seconds(first.at + first.ms - restartedAt) : null;
      })(),
    };
    const checks: Check[] = [
      {
        name: "the API answers 503 during the outage, each within 6 s",
        ok: apiDuring.length > 0 && apiDuring.every((p) => p.status === 503 && p.ms <= ANSWER_WITHIN_MS),
        found: observations.apiDuringOutage,
      },
      { name: "no request hangs", ok: slowest <= ANSWER_WITHIN_MS, found: `${slowest} ms` },
      {
        name: "the app reconnects without a restart of its own",
        ok: reconnected !== undefined,
        found: observations.apiOkAgainAfterSeconds,
      },
    ];
    return {
      tally: loadTally,
      faultEndedAt,
      settleTimeoutMs: 120_000,
      afterwards: async () => ({ checks, observations }),
      stop: () => app.stop(),
    };
  },
};
