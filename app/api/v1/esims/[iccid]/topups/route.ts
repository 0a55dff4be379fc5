import { ownEsim } from "@/lib/api/esims";
import { apiJson, esimNotFound, withApiToken } from "@/lib/api/http";
import { topUpObject, topUpWindowObject } from "@/lib/api/topup-object";
import { topUpOptions } from "@/lib/balance/topups";

// GET: the top-up packs this eSIM can take (its carrier's only) and whether they can be bought now.
export const GET = withApiToken<{ iccid: string }>(async (_request, userId, { iccid }) => {
  const esim = await ownEsim(iccid, userId);
  const options = esim ? await topUpOptions(esim.id, userId) : null;
  if (!options) return esimNotFound();
  return apiJson({ data: options.packs.map(topUpObject), window: topUpWindowObject(options.window) });
});
