import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "../db/client";
import { env } from "../env";
import { log } from "../log";
import type { EmailPayloads, EmailTemplate } from "./messages";
import { renderEmail } from "./render";
import { type MailTransport, mailTransport } from "./transport";

// After this many failed attempts (about a day of backing off) an email is given up and logged.
export const MAX_ATTEMPTS = 20;

export function retryDelayMs(attempts: number): number {
  return Math.min(5_000 * 2 ** (attempts - 1), 60 * 60_000);
}

type DueEmail = {
  id: string;
  to: string;
  locale: string;
  template: EmailTemplate;
  payload: Prisma.JsonObject;
  attempts: number;
};

type DeliveryOptions = { transport?: MailTransport; now?: () => Date; limit?: number };

// Secrets (link tokens) are only needed until the email is out.
function withoutSecrets(payload: Prisma.JsonObject): Prisma.JsonObject {
  const { token, ...rest } = payload;
  return rest;
}

// Sends due emails one at a time. Each is locked with FOR UPDATE SKIP LOCKED for the length
// of its send, so any number of app instances can run this at once without sending an email
// twice; one whose send fails waits with exponential backoff and is tried again.
export async function deliverDueEmails({
  transport = mailTransport(),
  now = () => new Date(),
  limit = 50,
}: DeliveryOptions = {}) {
  const result = { sent: 0, failed: 0 };
  for (let i = 0; i < limit; i += 1) {
    const outcome = await db.$transaction(
      async (tx) => {
        const [email] = await tx.$queryRaw<DueEmail[]>`
          SELECT id, "to", locale, template, payload, attempts FROM email_outbox
          WHERE status = 'PENDING' AND "nextAttemptAt" <= ${now()}
          ORDER BY "nextAttemptAt" LIMIT 1 FOR UPDATE SKIP LOCKED`;
        if (!email) return "idle";
        try {
          const rendered = await renderEmail(
            email.template,
            email.payload as EmailPayloads[typeof email.template],
            email.locale,
          );
          const info = await transport.sendMail({ from: env().MAIL_FROM, to: email.to, ...rendered });
          await tx.outboxEmail.update({
            where: { id: email.id },
            data: {
              status: "SENT",
              sentAt: now(),
              messageId: info.messageId,
              attempts: email.attempts + 1,
              lastError: null,
              payload: withoutSecrets(email.payload),
            },
          });
          return "sent";
        } catch (error) {
          const attempts = email.attempts + 1;
          const reason = error instanceof Error ? error.message : String(error);
          await tx.outboxEmail.update({
            where: { id: email.id },
            data: {
              attempts,
              lastError: reason.slice(0, 500),
              nextAttemptAt: new Date(now().getTime() + retryDelayMs(attempts)),
              status: attempts >= MAX_ATTEMPTS ? "FAILED" : "PENDING",
            },
          });
          log.warn(
            { emailId: email.id, attempts, reason },
            attempts >= MAX_ATTEMPTS ? "email given up" : "email delivery failed; will retry",
          );
          return "failed";
        }
      },
      { timeout: 60_000 },
    );
    if (outcome === "idle") break;
    result[outcome] += 1;
    // A failure usually means the mail server is unreachable: leave the rest for the next run.
    if (outcome === "failed") break;
  }
  return result;
}
