import type { EsimState } from "@prisma/client";
import type { ScenarioStarted } from "../scenarios/start";
import { jstIso } from "../time/jst";

// A started scenario as the API shows it (GET-free: the eSIM's usage shows its effects).
export type ScenarioObject = {
  id: string;
  type: ScenarioStarted["type"];
  started_at: string;
  ends_at: string;
  records: number | null;
  profile_state: Lowercase<EsimState>;
};

export function scenarioObject(started: ScenarioStarted): ScenarioObject {
  return {
    id: started.id,
    type: started.type,
    started_at: jstIso(started.startedAt),
    ends_at: jstIso(started.endsAt),
    records: started.records,
    profile_state: started.state.toLowerCase() as Lowercase<EsimState>,
  };
}
