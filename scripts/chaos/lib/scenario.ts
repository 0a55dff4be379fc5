// What every scenario shares: a fresh database, the buyers, the wait for the system to settle
// after the fault, and one result shape for the table, benchmarks/chaos.json and BENCHMARKS.md.
import type { Buyer } from "../../bench/lib/buyers";
import { buyers, errorSummary, type LoadTally } from "./load";
import { type Outcome, outcome, waitUntilSettled } from "./outcome";
import type { Services } from "./services";

export type Check = { name: string; ok: boolean; found: unknown };

export type ScenarioResult = {
  name: string;
  fault: string;
  seconds: number;
  load: { checkoutsOpened: number; paymentsAccepted: number; reloads: number; errors: number };
  errors: { error: string; count: number }[];
  settled: boolean;
  outcome: Omit<Outcome, "details">;
  checks: Check[];
  observations: Record<string, unknown>;
  passed: boolean;
  details: Outcome["details"];
};

export type Scenario = {
  name: string;
  fault: string;
  run: (context: { services: Services; buyers: Buyer[]; started: number }) => Promise<{
    tally: LoadTally;
    // When the system was whole again (the app restarted, the server back up, …).
    faultEndedAt: Date;
    settleTimeoutMs: number;
    // Once settled: the scenario's own checks and what else it saw.
    afterwards?: () => Promise<{ checks?: Check[]; observations?: Record<string, unknown> }>;
    stop: () => Promise<void>;
  }>;
};

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const seconds = (ms: number) => Math.round(ms / 100) / 10;

// Resolves `offsetSeconds` after the scenario's load started.
export const at = (started: number, offsetSeconds: number) => sleep(started + offsetSeconds * 1000 - Date.now());

export async function runScenario(scenario: Scenario, services: Services): Promise<ScenarioResult> {
  await services.freshDatabase();
  const list = await buyers();
  const userIds = list.map((buyer) => buyer.id);
  const started = Date.now();
  const run = await scenario.run({ services, buyers: list, started });
  try {
    const settle = await waitUntilSettled(userIds, run.settleTimeoutMs);
    const { details, ...result } = await outcome(userIds, run.faultEndedAt);
    const { checks = [], observations = {} } = (await run.afterwards?.()) ?? {};
    const passed =
      settle.settled &&
      result.stuck === 0 &&
      result.emails.lost === 0 &&
      result.consistency.ok &&
      checks.every((check) => check.ok);
    return {
      name: scenario.name,
      fault: scenario.fault,
      seconds: seconds(Date.now() - started),
      load: {
        checkoutsOpened: run.tally.checkoutsOpened,
        paymentsAccepted: run.tally.paymentsAccepted,
        reloads: run.tally.reloads,
        errors: run.tally.errors.length,
      },
      errors: errorSummary(run.tally),
      settled: settle.settled,
      outcome: result,
      checks,
      observations,
      passed,
      details,
    };
  } finally {
    await run.stop();
  }
}
