import { ownEsim, ownEsimBalance } from "@/lib/api/esims";
import { apiError, apiJson, esimNotFound, jsonBody, smdpUnavailable, withApiToken } from "@/lib/api/http";
import { usageObject } from "@/lib/api/usage-object";
import { applyLifecycleEvent } from "@/lib/esim/profiles";
import { esimNow } from "@/lib/time/esim-clock";
import { lifecycleEventSchema } from "@/lib/validation/esim";

type Params = { iccid: string };

// POST: what the phone or the network did with the eSIM — download (optionally naming the
// phone's EID), install, enable, disable, delete — so an integration can script an install
// end to end. Answers with the eSIM's usage afterwards.
export const POST = withApiToken<Params>(async (request, userId, { iccid }) => {
  const esim = await ownEsim(iccid, userId);
  if (!esim) return esimNotFound();
  const report = await jsonBody(request, lifecycleEventSchema);
  if (report.status === "refused") return report.response;

  const { event, eid } = report.body;
  const result = await applyLifecycleEvent(esim.id, userId, event, "api", { now: esimNow(esim), eid });
  if (result.status === "not_found") return esimNotFound();
  if (result.status === "invalid_transition") {
    return apiError(409, "invalid_transition", `Cannot ${event} an eSIM that is ${result.state.toLowerCase()}.`);
  }
  if (result.status === "smdp_unavailable") return smdpUnavailable();
  const balance = await ownEsimBalance(iccid, userId);
  return balance ? apiJson(usageObject(balance)) : esimNotFound();
});
