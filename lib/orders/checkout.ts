import "server-only";
import type { Order, Prisma } from "@prisma/client";
import { planBySlug } from "../catalog/plans";
import { db } from "../db/client";
import { env } from "../env";
import { log } from "../log";
import { SESSION_ID_PLACEHOLDER } from "../payments/gateway";
import { methodsFor } from "../payments/methods";
import { paymentGateway } from "../payments/provider";
import { postgresLimiter, spend } from "../rate-limit";
import { type RateLimited, rateLimited } from "../result";
import type { CheckoutRequest } from "../validation/checkout";
import { CODE_PROBLEMS } from "./pricing";
import { codeUseOf, normalisePromoCode } from "./promotions";
import { quoteForBuyer } from "./quote";
import { IN_PROGRESS, transitionOrder } from "./status";

export type Buyer = { id: string; email: string };

const CHECKOUT_REFUSALS = [...CODE_PROBLEMS, "plan_unavailable", "payment_unavailable"] as const;
type CheckoutRefusal = (typeof CHECKOUT_REFUSALS)[number];

// What the checkout page may be sent back with: a refusal, a form the action could not read, or
// the per-account limit on checkouts (with its wait).
export const CHECKOUT_PROBLEMS = [...CHECKOUT_REFUSALS, "quantity_invalid", "rate_limited"] as const;
export type CheckoutProblem = (typeof CHECKOUT_PROBLEMS)[number];

export type StartCheckoutResult =
  { status: "opened"; url: string; orderId: string } | { status: CheckoutRefusal } | RateLimited;

// Creates the pending order at the server's price and opens a checkout session for it.
export async function startCheckout(
  buyer: Buyer,
  request: CheckoutRequest,
  { locale }: { locale: string },
): Promise<StartCheckoutResult> {
  const plan = await planBySlug(request.planSlug);
  if (!plan) return { status: "plan_unavailable" };
  const priced = await quoteForBuyer(plan, request.quantity, request.promoCode, buyer.id);
  if (priced.status !== "priced") return { status: priced.status };
  const { quote } = priced;

  return openOrder(
    buyer,
    {
      kind: "ESIM",
      planId: plan.id,
      quantity: quote.quantity,
      unitAmount: quote.unitAmount,
      subtotalAmount: quote.subtotalAmount,
      discountAmount: quote.discountAmount,
      totalAmount: quote.totalAmount,
      currency: quote.currency,
      promotionId: quote.codePromotionId,
      discounts: quote.discounts,
    },
    `${plan.carrier.name} ${plan.slug} × ${quote.quantity}`,
    {
      successPath: `/${locale}/checkout/success`,
      cancelPath: `/${locale}/plans/${plan.slug}/checkout?cancelled=1`,
    },
  );
}

type NewOrder = Omit<Prisma.OrderUncheckedCreateInput, "userId" | "paymentProvider">;
type SessionPaths = { successPath: string; cancelPath: string };

// Each checkout is an order row and a session at the payment provider; nobody needs more than
// a few in ten minutes, eSIMs and top-ups together.
export const CHECKOUTS_PER_ACCOUNT = 10;
export const CHECKOUT_WINDOW_SECONDS = 10 * 60;
export const checkoutsByAccount = postgresLimiter("checkout_open", CHECKOUTS_PER_ACCOUNT, CHECKOUT_WINDOW_SECONDS);

type Created = { status: "created"; order: Order } | { status: "code_used_up" | "code_already_used" | "code_in_use" };

// A code is taken by every order that may still be paid, not only by paid ones, so that
// "once per account" and a redemption limit hold however many checkouts open at once: the
// promotion's row lock makes them check one after another, on every instance. An order that
// expires or fails gives its place back.
// The database has the last word at fulfilment (the redemption's unique index, a conditional
// count), where a paid order that got past this is refunded. A unique index over open orders
// is not used instead: it could not be built where two open orders of one buyer already exist,
// which is the case this has to survive, and the lock already serialises every order with a code.
async function createOrder(data: Prisma.OrderUncheckedCreateInput): Promise<Created> {
  const { promotionId, userId } = data;
  if (!promotionId) return { status: "created", order: await db.order.create({ data }) };
  return db.$transaction(async (tx): Promise<Created> => {
    const [promotion] = await tx.$queryRaw<{ maxRedemptions: number | null; redemptionCount: number }[]>`
      SELECT "maxRedemptions", "redemptionCount" FROM promotions WHERE id = ${promotionId} FOR UPDATE`;
    const use = await codeUseOf(tx, promotionId, userId);
    if (use === "redeemed") return { status: "code_already_used" };
    if (use === "in_progress") return { status: "code_in_use" };
    if (promotion?.maxRedemptions != null) {
      const awaitingPayment = await tx.order.count({ where: { promotionId, status: { in: [...IN_PROGRESS] } } });
      if (promotion.redemptionCount + awaitingPayment >= promotion.maxRedemptions) return { status: "code_used_up" };
    }
    return { status: "created", order: await tx.order.create({ data }) };
  });
}

// Writes the pending order and opens a checkout session for its total, as one line so that
// discounts never need a negative line. Shared by eSIM purchases and top-ups. The buyer comes
// back to the configured address (APP_URL), never to one a request's Host header names.
export async function openOrder(
  buyer: Buyer,
  data: NewOrder,
  lineItemName: string,
  paths: SessionPaths,
): Promise<StartCheckoutResult> {
  const retryAfterSeconds = await spend(checkoutsByAccount, buyer.id);
  if (retryAfterSeconds > 0) return rateLimited(retryAfterSeconds);
  const gateway = paymentGateway();
  const { APP_URL, PAYMENT_METHODS } = env();
  // Konbini and PayPay take yen between limits; none of the configured methods may take this.
  const paymentMethodTypes = methodsFor(PAYMENT_METHODS, { amount: data.totalAmount, currency: data.currency });
  if (paymentMethodTypes.length === 0) return { status: "payment_unavailable" };
  const created = await createOrder({ ...data, userId: buyer.id, paymentProvider: gateway.provider });
  if (created.status !== "created") return created;
  const { order } = created;
  try {
    const session = await gateway.createCheckout({
      orderId: order.id,
      customerEmail: buyer.email,
      currency: order.currency,
      lineItems: [{ name: lineItemName, unitAmount: order.totalAmount, quantity: 1 }],
      paymentMethodTypes,
      successUrl: `${APP_URL}${paths.successPath}?session_id=${SESSION_ID_PLACEHOLDER}`,
      cancelUrl: `${APP_URL}${paths.cancelPath}`,
    });
    await db.order.update({ where: { id: order.id }, data: { paymentSessionId: session.sessionId } });
    return { status: "opened", url: session.url, orderId: order.id };
  } catch (error) {
    log.error({ err: error, orderId: order.id }, "could not open a checkout session");
    await transitionOrder(db, { id: order.id }, "PENDING", "FAILED", { failureReason: "checkout_unavailable" });
    return { status: "payment_unavailable" };
  }
}

// Where the buyer can still pay their own open checkout with this code, for the checkout page
// to send them back to it rather than open another. Someone else's checkout is never found.
export async function unpaidCheckoutUrl(userId: string, code: string): Promise<string | null> {
  const order = await db.order.findFirst({
    where: {
      userId,
      status: "PENDING",
      paymentSessionId: { not: null },
      promotion: { code: normalisePromoCode(code) },
    },
    orderBy: { createdAt: "desc" },
    select: { id: true, paymentSessionId: true },
  });
  if (!order?.paymentSessionId) return null;
  try {
    const session = await paymentGateway().retrieveSession(order.paymentSessionId);
    return session?.status === "open" ? session.url : null;
  } catch (error) {
    // The page still explains the refusal; only the way back to the payment is missing.
    log.warn({ err: error, orderId: order.id }, "could not look up an unpaid checkout");
    return null;
  }
}
