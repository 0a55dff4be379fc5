import "server-only";
import type { Prisma } from "@prisma/client";
import type { OutgoingEmail } from "./messages";

// Written inside the caller's transaction: the email exists exactly when the change that
// causes it does. The sender picks it up afterwards.
export async function enqueueEmail(tx: Prisma.TransactionClient, email: OutgoingEmail) {
  return tx.outboxEmail.create({
    data: {
      userId: email.userId,
      to: email.to,
      locale: email.locale,
      template: email.template,
      payload: email.payload,
    },
    select: { id: true },
  });
}
