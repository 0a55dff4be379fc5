import { apiJson, jsonBody, withApiToken } from "@/lib/api/http";
import { answerOpenedOrder, checkoutRefusal, testCardRefused, testCardsAccepted } from "@/lib/api/order-placement";
import { ownOrdersPage } from "@/lib/api/orders";
import { pageOf } from "@/lib/api/pagination";
import { buyerOf } from "@/lib/api/buyer";
import { startCheckout } from "@/lib/orders/checkout";
import { apiOrderSchema } from "@/lib/validation/api-orders";

// GET: the token owner's orders, newest first (eSIM purchases and top-ups).
export const GET = withApiToken(async (request, userId) => {
  const query = pageOf(request);
  if (query.status === "refused") return query.response;
  return apiJson(await ownOrdersPage(userId, query.page));
});

// POST: an order for the token owner, priced on the server as the web checkout prices it.
export const POST = withApiToken(async (request, userId) => {
  const parsed = await jsonBody(request, apiOrderSchema);
  if (parsed.status === "refused") return parsed.response;
  const { locale, ...order } = parsed.body;
  if (order.payment === "test_card" && !testCardsAccepted()) return testCardRefused();

  const result = await startCheckout(await buyerOf(userId), order, { locale });
  if (result.status !== "opened") return checkoutRefusal(result);
  return answerOpenedOrder(userId, result, order);
});
