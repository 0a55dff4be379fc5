import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "../db/client";
import { env } from "../env";
import { log } from "../log";
import type { EmailPayloads, EmailTemplate } from "./messages";
import { renderEmail } from "./render";
import { type MailTransport, mailTransport } from "./transport";

// After this many failed attempts (about ten hours of backing off) an email is given up and logged.
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

// Secrets (link tokens, and links that carry one) are only needed until the email is out, or given up.
function withoutSecrets(payload: Prisma.JsonObject): Prisma.JsonObject {
  const { token, actionUrl, ...rest } = payload;
  return rest;
}

// The server refused this message (a rejected recipient, a message it would not take), as
// opposed to the server itself failing (down, TLS, login, a refused sender): only then would
// the emails after it fail the same way.
function refusedThisMessage(error: unknown): boolean {
  const { code, command } = (error ?? {}) as { code?: unknown; command?: unknown };
  return (code === "EENVELOPE" || code === "EMESSAGE") && command !== "MAIL FROM";
}

type Outcome = "sent" | "failed" | "server_failed";

async function recordFailure(tx: Prisma.TransactionClient, email: DueEmail, error: unknown, now: Date): Promise<void> {
  const attempts = email.attempts + 1;
  const givenUp = attempts >= MAX_ATTEMPTS;
  const reason = error instanceof Error ? error.message : String(error);
  await tx.outboxEmail.update({
    where: { id: email.id },
    data: {
      attempts,
      lastError: reason.slice(0, 500),
      nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)),
      status: givenUp ? "FAILED" : "PENDING",
      ...(givenUp ? { payload: withoutSecrets(email.payload) } : {}),
    },
  });
  log.warn({ emailId: email.id, attempts, reason }, givenUp ? "email given up" : "email delivery failed; will retry");
}

async function deliver(
  tx: Prisma.TransactionClient,
  email: DueEmail,
  transport: MailTransport,
  now: () => Date,
): Promise<Outcome> {
  let rendered: Awaited<ReturnType<typeof renderEmail>>;
  try {
    rendered = await renderEmail(email.template, email.payload as EmailPayloads[typeof email.template], email.locale);
  } catch (error) {
    // A payload this template cannot render: this email's problem alone.
    await recordFailure(tx, email, error, now());
    return "failed";
  }
  try {
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
    await recordFailure(tx, email, error, now());
    return refusedThisMessage(error) ? "failed" : "server_failed";
  }
}

// Sends due emails one at a time. Each is locked with FOR UPDATE SKIP LOCKED for the length
// of its send, so any number of app instances can run this at once without sending an email
// twice. One whose send fails waits with exponential backoff, behind every other due email, and
// is given up after MAX_ATTEMPTS; the pass goes on to the next email unless the mail server
// itself failed, which the next pass tries again.
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
        return email ? deliver(tx, email, transport, now) : "idle";
      },
      { timeout: 60_000 },
    );
    if (outcome === "idle") break;
    result[outcome === "sent" ? "sent" : "failed"] += 1;
    if (outcome === "server_failed") break;
  }
  return result;
}
