import "server-only";
import { db } from "../db/client";
import { env } from "../env";
import { log } from "../log";
import { paymentGateway } from "../payments/provider";
import { apiOrderSelect, type ApiOrderRow, orderObject } from "./order-object";
import { afterCursor, NEWEST_FIRST, type Page, pageBody, rowsToTake } from "./pagination";

// An order's reference is TB- and the last 8 characters of its id, upper-cased (what emails
// and the order history show); anything else names no order.
const REFERENCE = /^TB-([A-Z0-9]{8})$/;

export function ownOrderByReference(reference: string, userId: string) {
  const match = REFERENCE.exec(reference);
  if (!match) return null;
  return db.order.findFirst({
    where: { userId, id: { endsWith: match[1]!.toLowerCase() } },
    select: apiOrderSelect,
  });
}

export function ownOrderById(orderId: string, userId: string) {
  return db.order.findFirst({ where: { id: orderId, userId }, select: apiOrderSelect });
}

export async function ownOrdersPage(userId: string, page: Page) {
  const orders = await db.order.findMany({
    where: { userId, ...afterCursor(page) },
    orderBy: NEWEST_FIRST,
    take: rowsToTake(page),
    select: apiOrderSelect,
  });
  return pageBody(orders, page, (order) => orderObject(order));
}

// The local checkout's pages are paths on this site; the end user needs the full address.
export const absoluteCheckoutUrl = (url: string) => (url.startsWith("/") ? `${env().APP_URL}${url}` : url);

// Where a waiting order can still be paid, asked of the gateway (a Stripe session expires).
export async function checkoutUrlOf(order: ApiOrderRow): Promise<string | null> {
  if (order.status !== "PENDING" || !order.paymentSessionId) return null;
  try {
    const session = await paymentGateway().retrieveSession(order.paymentSessionId);
    return session?.status === "open" && session.url ? absoluteCheckoutUrl(session.url) : null;
  } catch (error) {
    // The order is still answered; only the way to its payment is missing.
    log.warn({ err: error, orderId: order.id }, "could not look up an order's checkout");
    return null;
  }
}
