import "server-only";
import type { Order, Prisma } from "@prisma/client";
import { planBySlug } from "../catalog/plans";
import { db } from "../db/client";
import { env } from "../env";
import { log } from "../log";
import { SESSION_ID_PLACEHOLDER } from "../payments/gateway";
import { paymentGateway } from "../payments/provider";
import type { CheckoutRequest } from "../validation/checkout";
import { CODE_PROBLEMS } from "./pricing";
import { quoteForBuyer } from "./quote";
import { IN_PROGRESS, transitionOrder } from "./status";

export type Buyer = { id: string; email: string };

const CHECKOUT_REFUSALS = [...CODE_PROBLEMS, "plan_unavailable", "payment_unavailable"] as const;
type CheckoutRefusal = (typeof CHECKOUT_REFUSALS)[number];

// What the checkout page may be sent back with: a refusal, or a form the action could not read.
export const CHECKOUT_PROBLEMS = [...CHECKOUT_REFUSALS, "quantity_invalid"] as const;
export type CheckoutProblem = (typeof CHECKOUT_PROBLEMS)[number];

export type StartCheckoutResult = { status: "opened"; url: string; orderId: string } | { status: CheckoutRefusal };

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

// A code with a redemption limit is taken by every order that may still be paid, not only by
// paid ones, so the limit holds however many buyers check out at once: the promotion's row
// lock makes them count one after another. An order that expires or fails gives its place back.
async function createOrder(data: Prisma.OrderUncheckedCreateInput): Promise<Order | null> {
  const { promotionId } = data;
  if (!promotionId) return db.order.create({ data });
  return db.$transaction(async (tx) => {
    const [promotion] = await tx.$queryRaw<{ maxRedemptions: number | null; redemptionCount: number }[]>`
      SELECT "maxRedemptions", "redemptionCount" FROM promotions WHERE id = ${promotionId} FOR UPDATE`;
    if (promotion?.maxRedemptions != null) {
      const awaitingPayment = await tx.order.count({ where: { promotionId, status: { in: [...IN_PROGRESS] } } });
      if (promotion.redemptionCount + awaitingPayment >= promotion.maxRedemptions) return null;
    }
    return tx.order.create({ data });
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
  const gateway = paymentGateway();
  const { APP_URL } = env();
  const order = await createOrder({ ...data, userId: buyer.id, paymentProvider: gateway.provider });
  if (!order) return { status: "code_used_up" };
  try {
    const session = await gateway.createCheckout({
      orderId: order.id,
      customerEmail: buyer.email,
      currency: order.currency,
      lineItems: [{ name: lineItemName, unitAmount: order.totalAmount, quantity: 1 }],
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
