import type { OrderStatus, Prisma } from "@prisma/client";

// Where an order may go from each state. It waits for its payment (PENDING) and is claimed for
// delivery when paid (PAID), then delivered in the same transaction (FULFILLED). One never paid
// expires or fails; one paid but not deliverable fails with its refund due and is REFUNDED once
// the gateway has given the money back — and FAILED again, refund failed, if the bank returns
// a refund that had succeeded.
// A delivered order may be given back later (staff, Stripe's dashboard, a lost dispute): its
// status follows what is given back — part (PARTIALLY_REFUNDED) or all (REFUNDED) of what was
// paid — and steps back down when one of those refunds fails after all.
const TRANSITIONS = {
  PENDING: ["PAID", "FAILED", "EXPIRED"],
  PAID: ["FULFILLED"],
  FAILED: ["REFUNDED"],
  FULFILLED: ["PARTIALLY_REFUNDED", "REFUNDED"],
  EXPIRED: [],
  REFUNDED: ["FAILED", "PARTIALLY_REFUNDED", "FULFILLED"],
  PARTIALLY_REFUNDED: ["REFUNDED", "FULFILLED"],
} as const satisfies Record<OrderStatus, readonly OrderStatus[]>;

export type NextOrderStatus<From extends OrderStatus> = (typeof TRANSITIONS)[From][number];

// Opened and not yet delivered or closed: waiting for its payment, or paid and being delivered.
export const IN_PROGRESS = ["PENDING", "PAID"] as const satisfies readonly OrderStatus[];

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return (TRANSITIONS[from] as readonly OrderStatus[]).includes(to);
}

// The only way an order's status is written. Conditional on the state it moves from, so of
// concurrent callers exactly one moves it; the answer says whether this one did. The types
// take only moves the table has, and a status known only at run time is checked here.
export async function transitionOrder<From extends OrderStatus>(
  client: Prisma.TransactionClient,
  where: Prisma.OrderWhereUniqueInput,
  from: From,
  to: NextOrderStatus<From>,
  data: Omit<Prisma.OrderUncheckedUpdateManyInput, "status"> = {},
): Promise<boolean> {
  if (!canTransition(from, to)) throw new Error(`An order cannot go from ${from} to ${to}`);
  const { count } = await client.order.updateMany({ where: { ...where, status: from }, data: { ...data, status: to } });
  return count > 0;
}
