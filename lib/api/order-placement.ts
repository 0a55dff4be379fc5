import "server-only";
import type { StartCheckoutResult } from "../orders/checkout";
import { fulfilCheckout } from "../orders/fulfilment";
import { CODE_PROBLEMS, type CodeProblem } from "../orders/pricing";
import { localCheckoutAllowed } from "../payments/local-guard";
import { payLocalSession } from "../payments/local-checkout";
import { localWebhookOrigin } from "../payments/local-session";
import { paymentGateway } from "../payments/provider";
import type { ApiPayment } from "../validation/api-orders";
import { orderObject } from "./order-object";
import { absoluteCheckoutUrl, ownOrderById } from "./orders";
import { apiError, apiJson } from "./responses";

// What POST /orders and POST /esims/{iccid}/topups share once the shop's own checkout (the one
// the web pages use) has opened the order: answer its checkout URL, or in the sandbox pay it
// there and then through the local checkout's card path, as the end user's browser would.

// The sandbox: the local checkout is the gateway (no Stripe key) and it may run here (never in
// production, never next to a live key). Real Stripe takes no card numbers from the shop.
export const testCardsAccepted = () => paymentGateway().provider === "local" && localCheckoutAllowed();

export const testCardRefused = () =>
  apiError(
    400,
    "invalid_request",
    'payment "test_card" is only for the sandbox; here the end user pays at the checkout_url.',
  );

const CODE_MESSAGES: Record<CodeProblem, string> = {
  code_unknown: "There is no such promo code.",
  code_not_started: "The promo code cannot be used yet.",
  code_expired: "The promo code has expired.",
  code_used_up: "The promo code has been used up.",
  code_already_used: "The promo code was already used by this account.",
  code_in_use: "An unpaid order of this account already holds the promo code; pay or let it expire first.",
  code_not_applicable: "The promo code does not apply to this plan.",
};

const isCodeProblem = (status: string): status is CodeProblem => (CODE_PROBLEMS as readonly string[]).includes(status);

// The refusals every purchase shares, in the API's error shape.
export function checkoutRefusal(result: Exclude<StartCheckoutResult, { status: "opened" }>): Response {
  if (result.status === "rate_limited") {
    return apiError(429, "rate_limited", "Too many checkouts opened by this account; retry after the wait.", {
      "retry-after": String(result.retryAfterSeconds),
    });
  }
  if (result.status === "plan_unavailable") {
    return apiError(400, "plan_unavailable", "No plan with this id is on sale.");
  }
  if (result.status === "payment_unavailable") {
    return apiError(
      503,
      "payment_unavailable",
      "No payment method can take this order now; nothing was charged. Try again later.",
    );
  }
  if (isCodeProblem(result.status)) {
    return apiError(400, "promo_code_refused", CODE_MESSAGES[result.status], {}, { reason: result.status });
  }
  return apiError(500, "internal_error", "Something went wrong on our side. Try again.");
}

async function answerOrder(userId: string, orderId: string, checkoutUrl: string | null): Promise<Response> {
  const order = await ownOrderById(orderId, userId);
  return order
    ? apiJson(orderObject(order, checkoutUrl), 201)
    : apiError(500, "internal_error", "Something went wrong on our side. Try again.");
}

// 201 with the order: waiting at its checkout URL, or paid with the test card and fulfilled
// (its eSIMs issued, its top-up credited) by the same function the webhook runs. A declined
// card answers 402 and leaves the order unpaid, its checkout still open.
export async function answerOpenedOrder(
  userId: string,
  opened: { orderId: string; url: string },
  { payment, testCard }: ApiPayment,
): Promise<Response> {
  const checkoutUrl = absoluteCheckoutUrl(opened.url);
  if (payment === "checkout") return answerOrder(userId, opened.orderId, checkoutUrl);

  const order = await ownOrderById(opened.orderId, userId);
  const sessionId = order?.paymentSessionId;
  if (!order || !sessionId) return apiError(500, "internal_error", "Something went wrong on our side. Try again.");
  // Stripe's rule for its test cards: any future expiry date and any CVC.
  const attempt = await payLocalSession(
    sessionId,
    { cardNumber: testCard, expiry: "12/34", cvc: "123" },
    localWebhookOrigin(),
  );
  if (attempt.status === "declined") {
    return apiError(
      402,
      "card_declined",
      `The test card was declined (${attempt.code}); the order stays unpaid and can still be paid at its checkout_url.`,
      {},
      { decline_code: attempt.code, order: orderObject(order).ref, checkout_url: checkoutUrl },
    );
  }
  if (attempt.status !== "succeeded") {
    // The order exists and stays unpaid, so this answer is kept for the key like the order is.
    return apiError(409, "payment_unavailable", "Cards are not offered for this order; it stays unpaid.");
  }
  await fulfilCheckout(sessionId);
  return answerOrder(userId, opened.orderId, null);
}
