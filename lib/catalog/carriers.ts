import "server-only";
import type { CarrierCode } from "@prisma/client";
import { db } from "../db/client";
import type { Money } from "../money";
import { onSaleWhere } from "./plans";

export type CarrierSummary = {
  code: CarrierCode;
  name: string;
  networkName: string;
  plmn: string;
  planCount: number;
  lowestPrice: Money | null;
};

export async function carrierSummaries(now = new Date()): Promise<CarrierSummary[]> {
  const carriers = await db.carrier.findMany({
    orderBy: { sortOrder: "asc" },
    select: {
      code: true,
      name: true,
      networkName: true,
      plmn: true,
      plans: {
        where: onSaleWhere(now),
        select: { priceAmount: true, currency: true },
        orderBy: { priceAmount: "asc" },
      },
    },
  });
  return carriers.map(({ plans, ...carrier }) => {
    const cheapest = plans[0];
    return {
      ...carrier,
      planCount: plans.length,
      lowestPrice: cheapest ? { amount: cheapest.priceAmount, currency: cheapest.currency } : null,
    };
  });
}
