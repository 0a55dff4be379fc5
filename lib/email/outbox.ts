import "server-only";
import type { Prisma } from "@prisma/client";
import { addJob } from "../jobs/queue";
import type { OutgoingEmail } from "./messages";

// Written inside the caller's transaction with the job that sends it: the email exists exactly
// when the change that causes it does, and is sent once that change has committed.
export async function enqueueEmail(tx: Prisma.TransactionClient, email: OutgoingEmail) {
  // The first email of a burst sets the delivery's turn; a burst of fulfilments, each with its
  // emails, would otherwise keep it behind the other jobs until the burst ended.
  await addJob(tx, "deliver-emails", {}, { jobKey: "deliver-emails", keepRunAt: true });
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
