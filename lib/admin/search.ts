import "server-only";
import type { OrderStatus, Prisma } from "@prisma/client";
import { db } from "../db/client";
import { orderIdSuffixOf, orderReference } from "../orders/order-emails";
import { type Page, PAGE_SIZE, pageOf, skipFor } from "./pagination";

// What support types into the console's one search box: whatever the customer read out — an
// email or a name, the order reference from a receipt, the ICCID or EID from a phone's settings,
// a payment id from Stripe's dashboard, or a promo code. The shape of the query says which.

export type SearchHit =
  | { kind: "customer"; id: string; name: string; email: string; createdAt: Date }
  | {
      kind: "order";
      id: string;
      reference: string;
      status: OrderStatus;
      totalAmount: number;
      currency: string;
      email: string;
      createdAt: Date;
    }
  | { kind: "esim"; id: string; iccid: string; state: string; email: string; createdAt: Date }
  | { kind: "promotion"; id: string; code: string; redemptionCount: number; createdAt: Date };

// One kind of record a query may find: how many, and one page's slice of them.
type Source = { count: () => Promise<number>; rows: (skip: number, take: number) => Promise<SearchHit[]> };

const PAYMENT_ID = /^(cs|pi)_[A-Za-z0-9_]+$/;
const EID = /^\d{32}$/;
// Phones show the ICCID in groups; support may read out only its last digits.
const ICCID_DIGITS = /^[\d\s]{6,24}$/;

const orderSelect = {
  id: true,
  status: true,
  totalAmount: true,
  currency: true,
  createdAt: true,
  user: { select: { email: true } },
} satisfies Prisma.OrderSelect;

function orders(where: Prisma.OrderWhereInput): Source {
  return {
    count: () => db.order.count({ where }),
    rows: async (skip, take) =>
      (
        await db.order.findMany({
          where,
          select: orderSelect,
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          skip,
          take,
        })
      ).map(({ user, ...order }) => ({
        kind: "order" as const,
        ...order,
        reference: orderReference(order.id),
        email: user.email,
      })),
  };
}

function esims(where: Prisma.EsimProfileWhereInput): Source {
  return {
    count: () => db.esimProfile.count({ where }),
    rows: async (skip, take) =>
      (
        await db.esimProfile.findMany({
          where,
          select: { id: true, iccid: true, state: true, createdAt: true, user: { select: { email: true } } },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          skip,
          take,
        })
      ).map(({ user, ...esim }) => ({ kind: "esim" as const, ...esim, email: user.email })),
  };
}

function customers(where: Prisma.UserWhereInput): Source {
  return {
    count: () => db.user.count({ where }),
    rows: async (skip, take) =>
      (
        await db.user.findMany({
          where,
          select: { id: true, name: true, email: true, createdAt: true },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          skip,
          take,
        })
      ).map((user) => ({ kind: "customer" as const, ...user })),
  };
}

function promotions(code: string): Source {
  const where = { code };
  return {
    count: () => db.promotion.count({ where }),
    rows: async (skip, take) =>
      (
        await db.promotion.findMany({
          where,
          select: { id: true, code: true, redemptionCount: true, createdAt: true },
          skip,
          take,
        })
      ).map((promotion) => ({ kind: "promotion" as const, ...promotion, code: promotion.code ?? code })),
  };
}

function sourcesFor(query: string): Source[] {
  const suffix = orderIdSuffixOf(query);
  if (suffix) return [orders({ id: { endsWith: suffix } })];
  if (PAYMENT_ID.test(query)) return [orders({ OR: [{ paymentSessionId: query }, { paymentIntentId: query }] })];
  if (EID.test(query)) return [esims({ eid: query })];
  if (ICCID_DIGITS.test(query)) return [esims({ iccid: { contains: query.replace(/\s/g, "") } })];
  const code = query.toUpperCase();
  return [
    promotions(code),
    customers({
      OR: [{ email: { contains: query, mode: "insensitive" } }, { name: { contains: query, mode: "insensitive" } }],
    }),
    orders({ promotion: { code } }),
  ];
}

// The hits of every source in turn, one page of them at a time.
export async function searchConsole(rawQuery: string, page: number): Promise<Page<SearchHit>> {
  const query = rawQuery.trim();
  const sources = sourcesFor(query);
  const counts = await Promise.all(sources.map((source) => source.count()));
  const total = counts.reduce((sum, count) => sum + count, 0);
  let skip = skipFor(page);
  let take = PAGE_SIZE;
  const rows: SearchHit[] = [];
  for (const [index, source] of sources.entries()) {
    const count = counts[index]!;
    if (take === 0) break;
    if (skip >= count) {
      skip -= count;
      continue;
    }
    const slice = await source.rows(skip, Math.min(take, count - skip));
    rows.push(...slice);
    take -= slice.length;
    skip = 0;
  }
  return pageOf(rows, total, page);
}
