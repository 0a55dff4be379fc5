// Usage: npm run chaos [-- scenario…] [--no-build]
// The fault-injection suite: each scenario runs the purchase load on a fresh database while it
// breaks one thing (the app, the mail server, the database, the webhook endpoint, one of two
// instances), waits for the system to settle and counts what was bought and what came out.
// Results go to benchmarks/chaos.json and BENCHMARKS.md; the exit code is non-zero when any
// order is stuck, any email lost or any check failed. Not part of `npm test`.
import "./lib/environment";
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { mailCatchers } from "../lib/mail-catcher";
import { writeReport } from "../bench/report";
import { readResult, saveResult } from "../bench/lib/results";
import { instanceKilled } from "./instance-killed";
import { killApp } from "./kill-app";
import { type Scenario, type ScenarioResult, runScenario } from "./lib/scenario";
import { startServices } from "./lib/services";
import { printTable } from "./lib/table";
import { postgresRestart } from "./postgres-restart";
import { smtpDown } from "./smtp-down";
import { webhook503 } from "./webhook-503";

const SCENARIOS: Record<string, Scenario> = {
  "kill-app": killApp,
  "smtp-down": smtpDown,
  "postgres-restart": postgresRestart,
  "webhook-503": webhook503,
  "instance-killed": instanceKilled,
};

function printResult(result: ScenarioResult) {
  console.log(
    `${result.passed ? "passed" : "FAILED"} in ${result.seconds} s${result.settled ? "" : " (did not settle)"}`,
  );
  console.log(`  load: ${JSON.stringify(result.load)}`);
  for (const { error, count } of result.errors) console.log(`  ${count} × ${error}`);
  for (const check of result.checks)
    console.log(`  ${check.ok ? "ok  " : "FAIL"} ${check.name}: ${JSON.stringify(check.found)}`);
  console.log(`  consistency: ${JSON.stringify(result.outcome.consistency)}`);
  console.log(`  observations: ${JSON.stringify(result.observations)}`);
}

// A run of some scenarios replaces theirs and keeps the others' last results.
function save(results: ScenarioResult[]) {
  const previous = readResult<{ scenarios: (ScenarioResult & { date: string })[] }>("chaos")?.scenarios ?? [];
  const date = new Date().toISOString();
  const fresh = results.map((result) => ({ date, ...result }));
  const names = Object.values(SCENARIOS).map((scenario) => scenario.name);
  const scenarios = [...previous.filter((old) => !results.some((r) => r.name === old.name)), ...fresh].sort(
    (a, b) => names.indexOf(a.name) - names.indexOf(b.name),
  );
  saveResult("chaos", { scenarios, passed: scenarios.every((scenario) => scenario.passed) });
  writeReport();
}

async function main(): Promise<number> {
  const requested = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
  const unknown = requested.filter((name) => !(name in SCENARIOS));
  if (unknown.length)
    throw new Error(`unknown scenario(s): ${unknown.join(", ")}; known: ${Object.keys(SCENARIOS).join(", ")}`);
  // The inbox is kept across the catcher's restarts within a run, not across runs.
  rmSync(mailCatchers.chaos.directory, { recursive: true, force: true });
  const services = await startServices();
  const results: ScenarioResult[] = [];
  try {
    if (!process.argv.includes("--no-build")) {
      await services.freshDatabase();
      execFileSync("npx", ["next", "build"], { stdio: "inherit" });
    }
    for (const name of requested.length ? requested : Object.keys(SCENARIOS)) {
      const scenario = SCENARIOS[name]!;
      console.log(`\n== ${scenario.name}: ${scenario.fault}`);
      const result = await runScenario(scenario, services);
      printResult(result);
      results.push(result);
    }
  } finally {
    await services.stop();
  }
  console.log("");
  printTable(results);
  save(results);
  return results.every((result) => result.passed) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
