import { buyerOf } from "@/lib/api/buyer";
import { ownEsim } from "@/lib/api/esims";
import { apiError, apiJson, esimNotFound, jsonBody, withApiToken } from "@/lib/api/http";
import { answerOpenedOrder, checkoutRefusal, testCardRefused, testCardsAccepted } from "@/lib/api/order-placement";
import { topUpObject, topUpWindowObject } from "@/lib/api/topup-object";
import { startTopUp, topUpOptions } from "@/lib/balance/topups";
import { apiTopUpSchema } from "@/lib/validation/api-orders";

type Params = { iccid: string };

// GET: the top-up packs this eSIM can take (its carrier's only) and whether they can be bought now.
export const GET = withApiToken<Params>(async (_request, userId, { iccid }) => {
  const esim = await ownEsim(iccid, userId);
  const options = esim ? await topUpOptions(esim.id, userId) : null;
  if (!options) return esimNotFound();
  return apiJson({ data: options.packs.map(topUpObject), window: topUpWindowObject(options.window) });
});

// POST: a top-up order for one of the token owner's eSIMs, under the dashboard's rules (its
// carrier's packs only, while the window is open), checked again when it is paid.
export const POST = withApiToken<Params>(async (request, userId, { iccid }) => {
  const esim = await ownEsim(iccid, userId);
  if (!esim) return esimNotFound();
  const parsed = await jsonBody(request, apiTopUpSchema);
  if (parsed.status === "refused") return parsed.response;
  const { packSlug, locale, ...payment } = parsed.body;
  if (payment.payment === "test_card" && !testCardsAccepted()) return testCardRefused();

  const result = await startTopUp(await buyerOf(userId), esim.id, packSlug, { locale });
  switch (result.status) {
    case "opened":
      return answerOpenedOrder(userId, result, payment);
    case "not_found":
      return apiError(400, "invalid_request", "No top-up pack with this id is on sale.");
    case "wrong_carrier":
      return apiError(
        409,
        "topup_unavailable",
        "This pack is for another carrier's eSIMs.",
        {},
        { reason: "wrong_carrier" },
      );
    case "closed":
      return apiError(
        409,
        "topup_unavailable",
        result.window.open || result.window.reason !== "deleted"
          ? "Top-ups are sold until 7 days after the plan ends; this eSIM's window has closed."
          : "The eSIM was deleted; it takes no more top-ups.",
        {},
        { reason: result.window.open ? "closed" : result.window.reason },
      );
    default:
      return checkoutRefusal(result);
  }
});
