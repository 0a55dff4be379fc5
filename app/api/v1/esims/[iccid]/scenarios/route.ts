import { ownEsim } from "@/lib/api/esims";
import { scenarioObject } from "@/lib/api/scenario-object";
import { apiError, apiJson, esimNotFound, jsonBody, withApiToken } from "@/lib/api/http";
import { simulatorAvailable } from "@/lib/balance/simulator";
import { startScenario } from "@/lib/scenarios/start";
import { scenarioSchema } from "@/lib/validation/scenarios";

type Params = { iccid: string };

const notInProduction = () =>
  apiError(
    404,
    "not_found",
    "The scenario simulator is not available in production; use a sandbox or test deployment.",
  );

// POST: starts a QA scenario on the token owner's eSIM (another account's answers 404) —
// usage_stream {mb, hours}, dead_zone {mb, minutes}, smdp_outage {minutes}, profile_deleted —
// and answers 202 with when its last effect is due; the effects arrive through the job queue.
// Outside production only.
export const POST = withApiToken<Params>(async (request, userId, { iccid }) => {
  if (!simulatorAvailable()) return notInProduction();
  const esim = await ownEsim(iccid, userId);
  if (!esim) return esimNotFound();
  const body = await jsonBody(request, scenarioSchema);
  if (body.status === "refused") return body.response;

  const result = await startScenario(esim.id, userId, body.body);
  if (result.status === "unavailable") return notInProduction();
  if (result.status === "not_found") return esimNotFound();
  if (result.status === "not_active") {
    return apiError(
      409,
      "esim_not_active",
      `Traffic needs an installed or enabled eSIM; this one is ${result.state.toLowerCase()}.`,
    );
  }
  if (result.status === "suspended") {
    return apiError(409, "esim_suspended", "The eSIM is suspended by support; traffic is refused until it is resumed.");
  }
  if (result.status === "invalid_transition") {
    return apiError(409, "invalid_transition", `The profile is ${result.state.toLowerCase()} and cannot be deleted.`);
  }
  return apiJson(scenarioObject(result), 202);
});
