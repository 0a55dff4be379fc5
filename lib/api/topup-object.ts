import type { TopUpPack } from "@prisma/client";
import { MB, type TopUpWindow } from "../balance/rules";
import { jstIso } from "../time/jst";

// A pack as the API lists it: the slug is its id; the price is in the currency's minor units
// (JPY has none, so 880 is ¥880).
export function topUpObject(pack: Pick<TopUpPack, "slug" | "dataMb" | "daysAdded" | "priceAmount" | "currency">) {
  return {
    id: pack.slug,
    data_bytes: Number(BigInt(pack.dataMb) * MB),
    days_added: pack.daysAdded,
    price: { amount: pack.priceAmount, currency: pack.currency },
  };
}

// closes_at is null while the plan has not started (no end yet); reason says why it is closed.
export function topUpWindowObject(window: TopUpWindow) {
  return window.open
    ? { open: true, closes_at: window.closesAt ? jstIso(window.closesAt) : null, reason: null }
    : { open: false, closes_at: null, reason: window.reason };
}
