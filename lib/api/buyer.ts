import "server-only";
import { db } from "../db/client";

// The token owner as the checkout needs them: the receipt and the payment page name their email.
export function buyerOf(userId: string) {
  return db.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true } });
}
