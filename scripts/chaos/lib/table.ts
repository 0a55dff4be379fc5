// The suite's figures as a table, for the terminal and for BENCHMARKS.md alike.
import type { ScenarioResult } from "./scenario";

export const TABLE_HEAD = [
  "scenario",
  "purchases",
  "fulfilled",
  "refunded",
  "stuck",
  "emails expected",
  "delivered once",
  "lost",
  "duplicated",
  "recovery s",
  "result",
];

export function tableRow(result: Pick<ScenarioResult, "name" | "outcome" | "passed">): (string | number)[] {
  const { outcome } = result;
  return [
    result.name,
    outcome.purchases,
    outcome.fulfilled,
    outcome.refunded,
    outcome.stuck,
    outcome.emails.expected,
    outcome.emails.deliveredOnce,
    outcome.emails.lost,
    outcome.emails.duplicated,
    outcome.recoverySeconds ?? "–",
    result.passed ? "passed" : "FAILED",
  ];
}

export function printTable(results: ScenarioResult[]) {
  const rows = [TABLE_HEAD, ...results.map(tableRow)].map((row) => row.map(String));
  const widths = TABLE_HEAD.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  for (const row of rows) console.log(row.map((cell, i) => cell.padStart(widths[i]!)).join("  "));
}
