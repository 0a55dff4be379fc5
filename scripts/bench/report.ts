// Rewrites the measured part of BENCHMARKS.md (between the results markers) from the JSON
// results in benchmarks/. The analysis around it is written by hand.
import { readFileSync, writeFileSync } from "node:fs";
import { TABLE_HEAD, tableRow } from "../chaos/lib/table";
import type { ScenarioResult } from "../chaos/lib/scenario";
import { readResult } from "./lib/results";

type Machine = { date: string; cpu: string; memoryGiB: number; os: string; node: string };
type Load = {
  requestsPerSecond: number;
  kBPerResponse?: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
};

const START = "<!-- results:start -->";
const END = "<!-- results:end -->";

const verdict = (ok: boolean) => (ok ? "met" : "**missed**");
const when = (machine: Machine) =>
  `${machine.date.slice(0, 16).replace("T", " ")} UTC, ${machine.cpu}, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}`;
const table = (head: string[], rows: (string | number)[][]) =>
  [
    `| ${head.join(" | ")} |`,
    `| ${head.map(() => "---").join(" | ")} |`,
    ...rows.map((row) => `| ${row.join(" | ")} |`),
  ].join("\n");

function lighthouseSection(): string | null {
  const result = readResult<{
    chromium: string;
    targets: Record<string, number>;
    pages: {
      name: string;
      path: string;
      scores: Record<string, number>;
      metrics: Record<string, number>;
      failing: Record<string, string[]>;
    }[];
  }>("lighthouse");
  if (!result) return null;
  const ids = Object.keys(result.targets);
  const rows = result.pages.map((page) => [
    page.name,
    ...ids.map((id) => `${page.scores[id]}${page.scores[id]! < result.targets[id]! ? " ✗" : ""}`),
    `${page.metrics.fcpMs} / ${page.metrics.lcpMs} / ${page.metrics.tbtMs} / ${page.metrics.cls}`,
    Object.values(page.failing).flat().join(", ") || "–",
  ]);
  return [
    `### Lighthouse (mobile preset, median of 3 runs per page)\n\n${when(result.machine)}; ${result.chromium}. Targets: ${ids.map((id) => `${id} ≥ ${result.targets[id]}`).join(", ")}.\n`,
    table(["page", ...ids, "FCP / LCP / TBT ms / CLS", "audits below 100"], rows),
  ].join("\n");
}

function throughputSection(): string | null {
  const result = readResult<{
    rounds: number;
    runs: Record<string, Load & { path: string; connections: number; seconds: number }>;
    plansToStatic: number;
    dashboardToBareDynamic: number;
    dashboardToDynamicPage?: number;
    plansCache: string | null;
  }>("throughput");
  if (!result) return null;
  const rows = Object.entries(result.runs).map(([name, run]) => [
    name,
    run.path,
    run.requestsPerSecond,
    run.kBPerResponse ?? "–",
    run.p50Ms,
    run.p99Ms,
    run.non2xx + run.errors,
  ]);
  const dashboard = result.runs.dashboard!;
  return [
    `### Throughput (autocannon, 10 connections; median of ${result.rounds} alternating ${Object.values(result.runs)[0]?.seconds}-s rounds per route)\n\n${when(result.machine)}. /plans answered with \`x-nextjs-cache: ${result.plansCache}\`.\n`,
    table(["route", "path", "req/s", "kB per response", "p50 ms", "p99 ms", "errors + non-2xx"], rows),
    "",
    table(
      ["target", "measured", "result"],
      [
        ["/plans ≥ 0.9 × static page", result.plansToStatic.toFixed(2), verdict(result.plansToStatic >= 0.9)],
        [
          "dashboard ≥ 0.6 × bare dynamic route",
          result.dashboardToBareDynamic.toFixed(2),
          verdict(result.dashboardToBareDynamic >= 0.6),
        ],
        ["dashboard p99 < 100 ms at 10 connections", `${dashboard.p99Ms} ms`, verdict(dashboard.p99Ms < 100)],
      ],
    ),
    ...(result.dashboardToDynamicPage === undefined
      ? []
      : [
          "",
          `For reference (no target): the dashboard serves ${result.dashboardToDynamicPage.toFixed(2)} × the requests per second of the cheapest dynamic page (\`dynamicPage\`).`,
        ]),
  ].join("\n");
}

function flowSection(): string | null {
  type Run = {
    buyers: number;
    purchases: number;
    seconds: number;
    purchasesPerSecond: number;
    p50Ms: number;
    p95Ms: number;
    errors: number;
  };
  type Integrity = {
    purchases: { orders: number; fulfilled: number; esims: { expected: number; found: number }; ok: boolean };
    emails: { inbox: { expected: number; deliveredOnce: number; lost: number; duplicated: number; extra: number } };
  };
  const result = readResult<{
    plan: string;
    runs: Run[];
    outboxDrain: { ms: number; emails: number; emailsPerSecond: number };
    integrity: Integrity;
  }>("flow");
  if (!result) return null;
  const { purchases, emails } = result.integrity;
  return [
    `### Purchase flow (checkout page → server action → local card form → signed webhook → fulfilment → success page; plan ${result.plan})\n\n${when(result.machine)}.\n`,
    table(
      ["concurrent buyers", "purchases", "seconds", "purchases/s", "p50 ms", "p95 ms", "errors"],
      result.runs.map((r) => [r.buyers, r.purchases, r.seconds, r.purchasesPerSecond, r.p50Ms, r.p95Ms, r.errors]),
    ),
    "",
    `Afterwards: ${purchases.fulfilled} of ${purchases.orders} orders fulfilled; eSIMs expected ${purchases.esims.expected}, found ${purchases.esims.found}. ` +
      `Emails expected ${emails.inbox.expected}, delivered exactly once ${emails.inbox.deliveredOnce}, lost ${emails.inbox.lost}, duplicated ${emails.inbox.duplicated}, unexpected ${emails.inbox.extra}. ` +
      `The outbox drained ${result.outboxDrain.emails} emails in ${(result.outboxDrain.ms / 1000).toFixed(1)} s after the last purchase (${result.outboxDrain.emailsPerSecond} per second).`,
  ].join("\n");
}

function scaleSection(): string | null {
  type Counts = { orders: number; ledgerEntries: number };
  const result = readResult<{
    small: Counts;
    large: Counts;
    samplesPerRoute: number;
    routes: { route: string; smallP50Ms: number; largeP50Ms: number; ratio: number }[];
  }>("scale");
  if (!result) return null;
  const rows = result.routes.map((r) => [
    r.route,
    `${r.smallP50Ms} ms`,
    `${r.largeP50Ms} ms`,
    `×${r.ratio}`,
    verdict(r.ratio <= 1.2),
  ]);
  return [
    `### Scale (${result.samplesPerRoute} requests per route and account, one at a time, alternating accounts)\n\n${when(result.machine)}. Short history: ${result.small.orders} orders, ${result.small.ledgerEntries} ledger entries; long history: ${result.large.orders} orders, ${result.large.ledgerEntries} ledger entries.\n`,
    table(["route", "p50 short", "p50 long", "ratio", "≤ 1.2×"], rows),
  ].join("\n");
}

function bundleSection(): string | null {
  const result = readResult<{
    budgetKB: number;
    framework: string;
    pages: {
      path: string;
      scripts: number;
      gzipKB: number;
      brotliKB: number;
      rawKB: number;
      inlineScriptGzipKB: number;
    }[];
  }>("bundle");
  if (!result) return null;
  const budget = (kB: number, path: string) => (path.startsWith("/") ? verdict(kB <= result.budgetKB) : "–");
  const rows = result.pages.map((page) => [
    page.path,
    page.scripts,
    page.rawKB,
    page.inlineScriptGzipKB,
    page.gzipKB,
    budget(page.gzipKB, page.path),
    page.brotliKB,
    budget(page.brotliKB, page.path),
  ]);
  return [
    `### First-load JavaScript\n\n${when(result.machine)}; ${result.framework}. Every script the HTML loads (nomodule polyfills excluded), compressed. Budget ${result.budgetKB} kB compressed: gzip is what \`next start\` sends, brotli what a CDN in front of it sends.\n`,
    table(
      [
        "page",
        "scripts",
        "raw kB",
        "inline RSC payload, gzip kB",
        "gzip kB",
        "gzip budget",
        "brotli kB",
        "brotli budget",
      ],
      rows,
    ),
  ].join("\n");
}

function oneEsimSection(): string | null {
  type Load = { requestsPerSecond: number; p50Ms: number; p99Ms: number; non2xx: number; errors: number };
  const result = readResult<{
    clients: number;
    quiet: Load;
    busy: Load;
    writes: { sent: number; accepted: number; rateLimited: number; failed: number; p50Ms: number; p99Ms: number };
    recorded: number;
    passed: boolean;
  }>("one-esim");
  if (!result) return null;
  const row = (name: string, run: Load) => [
    name,
    `${run.requestsPerSecond} req/s`,
    `${run.p50Ms} ms`,
    `${run.p99Ms} ms`,
    `${run.non2xx + run.errors}`,
  ];
  const { writes } = result;
  return [
    `### One eSIM flooded with usage reports (\`npm run bench -- one-esim\`)\n\n${when(result.machine)}. ${result.clients} API clients sent ${writes.sent} usage reports for one eSIM (${writes.accepted} accepted, ${writes.rateLimited} answered 429 by the per-token budget, ${writes.failed} failed; p50 ${writes.p50Ms} ms, p99 ${writes.p99Ms} ms); its ledger holds ${result.recorded} records. ${result.passed ? "Nothing failed and the ledger agrees" : "**A check failed**"}.\n`,
    table(
      ["another traveller's dashboard", "throughput", "p50", "p99", "failed"],
      [row("quiet server", result.quiet), row("while the eSIM is flooded", result.busy)],
    ),
  ].join("\n");
}

function twoInstancesSection(): string | null {
  const result = readResult<{
    instances: string[];
    seconds: number;
    passed: boolean;
    checks: { name: string; ok: boolean; expected: unknown; found: unknown }[];
  }>("two-instances");
  if (!result) return null;
  const json = (value: unknown) => `\`${JSON.stringify(value)}\``;
  return [
    `### Two \`next start\` instances on one database (${result.instances.join(", ")})\n\n${when(result.machine)}. ${result.passed ? "Every check passed" : "**A check failed**"} (${result.seconds} s).\n`,
    table(
      ["check", "expected", "found", "result"],
      result.checks.map((c) => [c.name, json(c.expected), json(c.found), c.ok ? "ok" : "**failed**"]),
    ),
  ].join("\n");
}

function chaosSection(): string | null {
  const result = readResult<{ scenarios: (ScenarioResult & { date: string })[] }>("chaos");
  if (!result) return null;
  const notes = result.scenarios.map((s) => {
    const failed = s.checks.filter((check) => !check.ok).map((check) => check.name);
    const observed = Object.entries(s.observations).map(([name, value]) => `${name} ${JSON.stringify(value)}`);
    return `- **${s.name}** (${s.date.slice(0, 16).replace("T", " ")} UTC, ${s.seconds} s): ${s.fault}. ${s.load.paymentsAccepted} payments accepted of ${s.load.checkoutsOpened} checkouts opened, ${s.load.errors} failed requests, ${s.load.reloads} reloads.${failed.length ? ` **Failed:** ${failed.join("; ")}.` : ""}${observed.length ? ` Seen: ${observed.join("; ")}.` : ""}`;
  });
  return [
    `### Fault injection (\`npm run chaos\`)\n\n${when(result.machine)}. Each scenario on a fresh database; recovery is from the end of the fault until the last order paid and email queued by then was settled.\n`,
    table(TABLE_HEAD, result.scenarios.map(tableRow)),
    "",
    ...notes,
  ].join("\n");
}

function testSuiteSection(): string | null {
  const result = readResult<{ seconds: number; command: string; exitCode: number }>("test-suite");
  if (!result) return null;
  return `### Test suite\n\n${when(result.machine)}. \`${result.command}\` took ${Math.floor(result.seconds / 60)} min ${Math.round(result.seconds % 60)} s (exit ${result.exitCode}); the limit is 15 min.`;
}

export function writeReport(file = "BENCHMARKS.md") {
  const sections = [
    lighthouseSection(),
    throughputSection(),
    flowSection(),
    scaleSection(),
    bundleSection(),
    twoInstancesSection(),
    oneEsimSection(),
    chaosSection(),
    testSuiteSection(),
  ].filter(Boolean);
  const document = readFileSync(file, "utf8");
  const start = document.indexOf(START);
  const end = document.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${file} lacks the ${START} … ${END} markers`);
  writeFileSync(
    file,
    `${document.slice(0, start + START.length)}\n\n${sections.join("\n\n")}\n\n${document.slice(end)}`,
  );
}
