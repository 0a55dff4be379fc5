// Lighthouse with its default mobile preset (simulated slow 4G and a 4× slower CPU) on Debian's
// Chromium, against `next start`, for the pages a traveller meets on the way to an eSIM.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import type { Result } from "lighthouse";
import { db } from "../../lib/db/client";
import { activationTokenFields } from "../../lib/esim/activation";
import { startApp } from "./lib/app-server";
import { saveResult } from "./lib/results";
import { usedTraveller } from "./lib/traveller";

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const TARGETS: Record<(typeof CATEGORIES)[number], number> = {
  performance: 95,
  accessibility: 100,
  "best-practices": 100,
  seo: 95,
};
const CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"];

type PageScores = {
  name: string;
  path: string;
  scores: Record<string, number>;
  failing: Record<string, string[]>;
  metrics: Record<string, number>;
};

const CHROME_PATH = process.env.CHROME_PATH ?? "/usr/bin/chromium";

// Lighthouse's simulated throttling multiplies whatever else the two cores are doing at that
// moment, so one run can dip by several points; the report keeps the median run of three, as
// Lighthouse's own guidance on variability recommends.
const RUNS = 3;

// Lighthouse's own CLI in plain Node: it sends some of its functions to the browser as source
// text, which this TypeScript runner's transforms would break.
async function runLighthouse(url: string, cookie?: string): Promise<Result> {
  const args = [
    "node_modules/lighthouse/cli/index.js",
    url,
    "--output=json",
    "--output-path=stdout",
    "--quiet",
    `--only-categories=${CATEGORIES.join(",")}`,
    `--chrome-flags=${CHROME_FLAGS.join(" ")}`,
    ...(cookie ? [`--extra-headers=${JSON.stringify({ cookie })}`] : []),
  ];
  const { stdout } = await promisify(execFile)(process.execPath, args, {
    env: { ...process.env, CHROME_PATH },
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout) as Result;
}

async function medianRun(url: string, cookie?: string): Promise<Result> {
  const runs: Result[] = [];
  for (let run = 0; run < RUNS; run++) {
    const result = await runLighthouse(url, cookie);
    if (result.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${result.runtimeError.message}`);
    runs.push(result);
  }
  const performance = (result: Result) => result.categories.performance?.score ?? 0;
  return runs.sort((a, b) => performance(a) - performance(b))[Math.floor(RUNS / 2)]!;
}

async function audit(name: string, url: string, cookie?: string): Promise<PageScores> {
  const { categories, audits } = await medianRun(url, cookie);
  const scores = Object.fromEntries(CATEGORIES.map((id) => [id, Math.round((categories[id]?.score ?? 0) * 100)]));
  // What keeps each category below 100, so a miss can be explained.
  const failing = Object.fromEntries(
    CATEGORIES.map((id) => [
      id,
      (categories[id]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0 && (audits[ref.id]?.score ?? 1) < 1)
        .map((ref) => `${ref.id} (${audits[ref.id]?.displayValue ?? audits[ref.id]?.score})`),
    ]),
  );
  const metric = (id: string) => Math.round(audits[id]?.numericValue ?? -1);
  const metrics = {
    fcpMs: metric("first-contentful-paint"),
    lcpMs: metric("largest-contentful-paint"),
    tbtMs: metric("total-blocking-time"),
    cls: +(audits["cumulative-layout-shift"]?.numericValue ?? -1).toFixed(3),
    siMs: metric("speed-index"),
  };
  console.log(`${name.padEnd(12)} ${CATEGORIES.map((id) => `${id} ${scores[id]}`).join("  ")}`);
  return { name, path: new URL(url).pathname, scores, failing, metrics };
}

async function activationPath(esimId: string) {
  const { token, fields } = activationTokenFields();
  await db.esimProfile.update({ where: { id: esimId }, data: fields });
  return `/en/activate/${token}`;
}

export async function lighthouseScores() {
  const server = await startApp(3100);
  try {
    const { cookie, esim } = await usedTraveller();
    const pages: [string, string, string?][] = [
      ["landing", "/en"],
      ["plans", "/en/plans"],
      ["plan", "/en/plans/docomo-3gb-7d"],
      ["login", "/en/login"],
      ["dashboard", "/en/dashboard", cookie],
      ["activation", await activationPath(esim.id), cookie],
    ];
    const results: PageScores[] = [];
    for (const [name, path, pageCookie] of pages) {
      // A first visit renders the cached pages; Lighthouse measures what later visitors get.
      await (await fetch(`${server.url}${path}`, { headers: pageCookie ? { cookie: pageCookie } : {} })).arrayBuffer();
      results.push(await audit(name, `${server.url}${path}`, pageCookie));
    }
    const misses = results.flatMap((page) =>
      CATEGORIES.filter((id) => page.scores[id]! < TARGETS[id]).map((id) => `${page.name} ${id} ${page.scores[id]}`),
    );
    console.log(misses.length ? `Below target: ${misses.join(", ")}` : "Every page meets every target.");
    saveResult("lighthouse", {
      chromium: await chromiumVersion(),
      lighthouse: lighthouseVersion(),
      targets: TARGETS,
      pages: results,
      misses,
    });
    return results;
  } finally {
    await server.stop();
  }
}

async function chromiumVersion(): Promise<string> {
  return (await promisify(execFile)(CHROME_PATH, ["--version"])).stdout.trim();
}

const lighthouseVersion = () =>
  JSON.parse(readFileSync("node_modules/lighthouse/package.json", "utf8")).version as string;
