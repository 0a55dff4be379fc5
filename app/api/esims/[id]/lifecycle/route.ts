import { apiError, apiJson, jsonBody, smdpUnavailable, withSession } from "@/lib/api/http";
import { applyLifecycleEvent } from "@/lib/esim/profiles";
import { esimIdSchema, lifecycleEventSchema } from "@/lib/validation/esim";
import { validOrUndefined } from "@/lib/validation/parse";

type Params = { id: string };

const noSuchEsim = () => apiError(404, "not_found", "No such eSIM.");

// For a simulated phone to report what it does with the signed-in owner's eSIM (another
// account's id answers 404): POST {"event": "download" | "install" | "enable" | "disable" |
// "delete"}, and with a download optionally the phone's "eid". Only as JSON (415 otherwise) and
// from the site's own origin (403 otherwise; see withSession).
export const POST = withSession<Params>(async (request, userId, { id }) => {
  const esimId = validOrUndefined(esimIdSchema, id);
  if (!esimId) return noSuchEsim();
  const report = await jsonBody(request, lifecycleEventSchema);
  if (report.status === "refused") return report.response;

  const { event, eid } = report.body;
  const result = await applyLifecycleEvent(esimId, userId, event, "api", { eid });
  if (result.status === "not_found") return noSuchEsim();
  if (result.status === "invalid_transition") {
    return apiError(409, "invalid_transition", `Cannot ${event} an eSIM that is ${result.state.toLowerCase()}.`);
  }
  if (result.status === "smdp_unavailable") return smdpUnavailable();
  return apiJson({
    state: result.state.toLowerCase(),
    eid: result.eid,
    valid_until: result.validUntil?.toISOString() ?? null,
  });
});
