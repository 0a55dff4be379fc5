import "server-only";
import { esimBalanceByIccid } from "../balance/summary";
import { db } from "../db/client";
import { isValidIccid } from "../esim/identifiers";

// Lookups by ICCID for the token's owner. A string that cannot be one of our ICCIDs is
// answered like an unknown one, without a query.

export function ownEsim(iccid: string, userId: string) {
  if (!isValidIccid(iccid)) return null;
  return db.esimProfile.findFirst({ where: { iccid, userId }, select: { id: true, clockOffsetMinutes: true } });
}

export function ownEsimBalance(iccid: string, userId: string) {
  return isValidIccid(iccid) ? esimBalanceByIccid(iccid, userId) : null;
}
