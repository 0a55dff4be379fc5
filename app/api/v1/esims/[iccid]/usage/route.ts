import { ownEsim, ownEsimBalance } from "@/lib/api/esims";
import { apiError, apiJson, esimNotFound, jsonBody, withApiToken } from "@/lib/api/http";
import { USAGE_READ_BUDGET } from "@/lib/api/rate-limits";
import { usageObject } from "@/lib/api/usage-object";
import { recordUsage } from "@/lib/balance/usage";
import { esimNow } from "@/lib/time/esim-clock";
import { jstIso } from "@/lib/time/jst";
import { usageRecordSchema } from "@/lib/validation/api";

type Params = { iccid: string };

// GET: one eSIM's usage, for its owner's tokens. Reads of one eSIM have their own budget, as
// at Airalo: the figures change only as the carrier's records arrive.
export const GET = withApiToken<Params>(
  async (_request, userId, { iccid }) => {
    const balance = await ownEsimBalance(iccid, userId);
    return balance ? apiJson(usageObject(balance)) : esimNotFound();
  },
  { budget: USAGE_READ_BUDGET, key: ({ iccid }) => iccid },
);

// POST: a usage record, as the carrier reports it. The record id makes a retry safe.
export const POST = withApiToken<Params>(async (request, userId, { iccid }) => {
  const esim = await ownEsim(iccid, userId);
  if (!esim) return esimNotFound();
  const record = await jsonBody(request, usageRecordSchema(esimNow(esim)));
  if (record.status === "refused") return record.response;

  const result = await recordUsage({ esimId: esim.id, userId, ...record.body, source: "api" });
  switch (result.status) {
    case "not_found":
      return esimNotFound();
    case "not_active":
      return apiError(
        409,
        "esim_not_active",
        `The eSIM is ${result.state.toLowerCase()}; usage is recorded once it is enabled on the network.`,
      );
    case "expired":
      return apiError(409, "esim_expired", `The eSIM's validity ended at ${jstIso(result.validUntil)}.`);
    case "suspended":
      return apiError(
        409,
        "esim_suspended",
        `The eSIM was suspended by support at ${jstIso(result.suspendedAt)}; no usage is recorded until it is resumed.`,
      );
    case "busy":
      return apiError(429, "rate_limited", "Too many usage records for this eSIM at once. Retry shortly.", {
        "retry-after": "1",
      });
  }
  const balance = await ownEsimBalance(iccid, userId);
  if (!balance) return esimNotFound();
  return result.status === "recorded"
    ? apiJson(usageObject(balance), 201)
    : apiJson({ duplicate: true, usage: usageObject(balance) });
});
