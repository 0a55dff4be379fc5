import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "../db/client";
import { validityWindow } from "../esim/lifecycle";
import { lockEsim } from "../esim/row-lock";
import { type Buyer, openOrder, type StartCheckoutResult } from "../orders/checkout";
import { orderReference } from "../orders/order-emails";
import { esimNow } from "../time/esim-clock";
import { announceTopUp } from "../webhooks/announce";
import { lapseRemainingBalance } from "./expiry";
import { creditPackage } from "./ledger";
import { MB, topUpWindow, type TopUpWindow } from "./rules";

const topUpEsim = {
  id: true,
  userId: true,
  state: true,
  carrierCode: true,
  validUntil: true,
  clockOffsetMinutes: true,
} as const;

// The packs that fit this eSIM — its own carrier's only — and whether they can be bought now.
export async function topUpOptions(esimId: string, userId: string) {
  const esim = await db.esimProfile.findFirst({ where: { id: esimId, userId }, select: topUpEsim });
  if (!esim) return null;
  const packs = await db.topUpPack.findMany({
    where: { carrierCode: esim.carrierCode, active: true },
    orderBy: { sortOrder: "asc" },
  });
  return { esim, packs, window: topUpWindow(esim, esimNow(esim)) };
}

export type TopUpProblem = "not_found" | "wrong_carrier" | "closed";

export type StartTopUpResult =
  StartCheckoutResult | { status: Exclude<TopUpProblem, "closed"> } | { status: "closed"; window: TopUpWindow };

export async function startTopUp(
  buyer: Buyer,
  esimId: string,
  packSlug: string,
  { locale }: { locale: string },
): Promise<StartTopUpResult> {
  const options = await topUpOptions(esimId, buyer.id);
  if (!options) return { status: "not_found" };
  const pack = await db.topUpPack.findFirst({ where: { slug: packSlug, active: true } });
  if (!pack) return { status: "not_found" };
  if (pack.carrierCode !== options.esim.carrierCode) return { status: "wrong_carrier" };
  if (!options.window.open) return { status: "closed", window: options.window };
  return openOrder(
    buyer,
    {
      kind: "TOPUP",
      esimId,
      topUpPackId: pack.id,
      quantity: 1,
      unitAmount: pack.priceAmount,
      subtotalAmount: pack.priceAmount,
      totalAmount: pack.priceAmount,
      currency: pack.currency,
    },
    `Top-up ${pack.slug}`,
    {
      successPath: `/${locale}/checkout/success`,
      cancelPath: `/${locale}/esims/${esimId}?topup=cancelled`,
    },
  );
}

export class TopUpRefused extends Error {
  constructor(readonly reason: TopUpProblem | "not_owner") {
    super(`top-up refused: ${reason}`);
  }
}

// Inside the fulfilment transaction, under the eSIM's row lock: everything is checked again
// against the row as it is now, so a forged or replayed session cannot credit someone else's
// eSIM, another carrier's pack, or an eSIM whose top-up window has closed, and top-ups paid at
// the same moment each add their days to the end the previous one left.
export async function applyTopUp(
  tx: Prisma.TransactionClient,
  order: { id: string; userId: string; esimId: string | null; topUpPackId: string | null },
) {
  const esim = order.esimId ? await lockEsim(tx, order.esimId) : null;
  const pack = order.topUpPackId ? await tx.topUpPack.findUnique({ where: { id: order.topUpPackId } }) : null;
  if (!esim || !pack) throw new TopUpRefused("not_found");
  if (esim.userId !== order.userId) throw new TopUpRefused("not_owner");
  if (esim.carrierCode !== pack.carrierCode) throw new TopUpRefused("wrong_carrier");
  const now = esimNow(esim);
  if (!topUpWindow(esim, now).open) throw new TopUpRefused("closed");

  // Bought in the grace window after the end: what was left at the end lapsed then, and stays
  // lapsed; only the new pack's data is there to use.
  const ended = esim.validUntil !== null && esim.validUntil <= now;
  if (ended) await lapseRemainingBalance(tx, esim.id, esim.validUntil!);
  await creditPackage(tx, {
    esimId: esim.id,
    orderId: order.id,
    kind: "TOP_UP",
    topUpPackId: pack.id,
    dataBytes: BigInt(pack.dataMb) * MB,
    voiceSeconds: 0,
    days: pack.daysAdded,
    occurredAt: now,
    reason: "top-up purchased",
  });
  // Days are added after the current end (still 23:59:59 JST); an eSIM in its grace period
  // starts a new window today. One not used yet gets them when validity starts (packageDays).
  if (esim.validUntil) {
    const validUntil = ended
      ? validityWindow(now, pack.daysAdded).validUntil
      : new Date(esim.validUntil.getTime() + pack.daysAdded * 86_400_000);
    await tx.esimProfile.update({ where: { id: esim.id }, data: { validUntil } });
  }
  await announceTopUp(tx, esim, orderReference(order.id), pack);
}
