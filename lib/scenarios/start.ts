import "server-only";
import { randomUUID } from "node:crypto";
import type { EsimState } from "@prisma/client";
import { simulatorAvailable } from "../balance/simulator";
import { db } from "../db/client";
import { applyLifecycleEvent } from "../esim/profiles";
import type { Scenario, ScenarioType } from "../validation/scenarios";
import { startDeadZone } from "./dead-zone";
import { startSmdpOutage } from "./smdp-outage";
import { startUsageStream } from "./usage-stream";

export type ScenarioStarted = {
  status: "started";
  id: string;
  type: ScenarioType;
  startedAt: Date;
  // When its last effect is due (the last record, the late batch, the outage's end).
  endsAt: Date;
  records: number | null;
  state: EsimState;
};

export type ScenarioResult =
  | ScenarioStarted
  | { status: "unavailable" }
  | { status: "not_found" }
  | { status: "not_active"; state: EsimState }
  | { status: "suspended" }
  | { status: "invalid_transition"; state: EsimState };

// Traffic comes from a profile on the phone; an installed one is enabled by its first record.
const ON_THE_NETWORK: readonly EsimState[] = ["INSTALLED", "ENABLED"];

// Starts one QA scenario on the owner's eSIM (another account's is not found). Each goes
// through the shop's own paths — usage records, the profile's state table, fulfilment — so
// everything that follows them (alerts, emails, events) follows a scenario too. Production
// refuses them, like the network simulator.
export async function startScenario(esimId: string, userId: string, scenario: Scenario): Promise<ScenarioResult> {
  if (!simulatorAvailable()) return { status: "unavailable" };
  const esim = await db.esimProfile.findFirst({
    where: { id: esimId, userId },
    select: { id: true, userId: true, state: true, carrierCode: true, clockOffsetMinutes: true, suspendedAt: true },
  });
  if (!esim) return { status: "not_found" };
  const id = randomUUID();
  const startedAt = new Date();
  const started = (endsAt: Date, records: number | null, state = esim.state): ScenarioStarted => ({
    status: "started",
    id,
    type: scenario.type,
    startedAt,
    endsAt,
    records,
    state,
  });

  switch (scenario.type) {
    case "usage_stream":
    case "dead_zone": {
      if (!ON_THE_NETWORK.includes(esim.state)) return { status: "not_active", state: esim.state };
      // Its records would be refused one by one (lib/balance/usage.ts): say so at the start.
      if (esim.suspendedAt) return { status: "suspended" };
      const { records, endsAt } =
        scenario.type === "usage_stream"
          ? await startUsageStream(id, esim, scenario, startedAt)
          : await startDeadZone(id, esim, scenario, startedAt);
      return started(endsAt, records);
    }
    case "smdp_outage": {
      const outage = await startSmdpOutage(esim, scenario, startedAt);
      return { ...started(outage.endsAt, null), id: outage.id };
    }
    case "profile_deleted": {
      // The traveller removed the profile in the phone's settings: the phone reports it, and the
      // state table decides (a profile already deleted cannot be deleted again).
      const result = await applyLifecycleEvent(esim.id, userId, "delete", "phone");
      if (result.status === "not_found") return result;
      if (result.status !== "ok") return { status: "invalid_transition", state: esim.state };
      return started(startedAt, null, result.state);
    }
  }
}
