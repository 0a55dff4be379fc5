import { apiError, apiJson, withApiToken } from "@/lib/api/http";
import { orderObject } from "@/lib/api/order-object";
import { checkoutUrlOf, ownOrderByReference } from "@/lib/api/orders";

// GET: one of the token owner's orders by its reference (TB-…); another account's is not found.
export const GET = withApiToken<{ ref: string }>(async (_request, userId, { ref }) => {
  const order = await ownOrderByReference(ref, userId);
  if (!order) return apiError(404, "not_found", "No order with this reference in your account.");
  return apiJson(orderObject(order, await checkoutUrlOf(order)));
});
