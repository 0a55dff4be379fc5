import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { uniqueEmail } from "../testing/users";
import { enqueueEmail } from "./outbox";
import { deliverDueEmails, retryDelayMs } from "./sender";
import { transportFor } from "./transport";

type Received = { to: string; raw: string };

// A real SMTP server on loopback that records what it receives.
async function startSmtp(port = 0) {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (chunk: Buffer) => (raw += chunk.toString()));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = (server.server.address() as AddressInfo).port;
  return {
    server,
    received,
    port: address,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let smtp: Awaited<ReturnType<typeof startSmtp>> | undefined;
// Each test starts with an empty queue, whatever other test files left in it.
beforeEach(async () => {
  await db.outboxEmail.deleteMany({ where: { status: "PENDING" } });
});
afterEach(async () => {
  await smtp?.close();
  smtp = undefined;
});

async function queueVerification(to: string) {
  return db.$transaction((tx) =>
    enqueueEmail(tx, {
      to,
      locale: "ja",
      template: "verify-email",
      payload: { name: "Aiko", token: "secret-token-123" },
    }),
  );
}

const addressedTo = (to: string) => smtp!.received.filter((r) => r.to === to);

describe("the email outbox", () => {
  it("delivers a queued email over SMTP, rendered in the recipient's language, and forgets its token", async () => {
    smtp = await startSmtp();
    const to = uniqueEmail("mail");
    const { id } = await queueVerification(to);

    await deliverDueEmails({ transport: transportFor(`smtp://127.0.0.1:${smtp.port}`) });

    const [message, ...others] = addressedTo(to);
    expect(others).toHaveLength(0);
    expect(message!.raw).toMatch(/Subject: =\?UTF-8\?/);
    expect(message!.raw).toContain("multipart/alternative");
    expect(message!.raw).toContain("/ja/verify-email/secret-token-123");
    const row = await db.outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "SENT", attempts: 1 });
    expect(JSON.stringify(row.payload)).not.toContain("secret-token-123");
  });

  it("keeps an email while the mail server is down and delivers it once it is back, exactly once", async () => {
    // Find a free port, then leave it closed: the mail server is down.
    const probe = await startSmtp();
    const port = probe.port;
    await probe.close();
    // Pooled, as the app's own sender is: its connection must recover once the server is back.
    const transport = transportFor(`smtp://127.0.0.1:${port}`, { pool: true });
    const to = uniqueEmail("later");
    const { id } = await queueVerification(to);
    const sentAt = Date.now();

    expect(await deliverDueEmails({ transport })).toEqual({ sent: 0, failed: 1 });
    const waiting = await db.outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(waiting).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(waiting.lastError).toMatch(/ECONNREFUSED/);
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(sentAt + retryDelayMs(1) - 1000);

    // Not due yet: nothing is retried early.
    expect(await deliverDueEmails({ transport })).toEqual({ sent: 0, failed: 0 });

    smtp = await startSmtp(port);
    const later = () => new Date(Date.now() + retryDelayMs(1) + 1000);
    await deliverDueEmails({ transport, now: later });
    await deliverDueEmails({ transport, now: later });
    expect(addressedTo(to)).toHaveLength(1);
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT", attempts: 2 });
    transport.close();
  });

  it("sends each email once when several senders run at the same time", async () => {
    smtp = await startSmtp();
    const transport = transportFor(`smtp://127.0.0.1:${smtp.port}`);
    const recipients = Array.from({ length: 12 }, () => uniqueEmail("busy"));
    for (const to of recipients) await queueVerification(to);

    await Promise.all(Array.from({ length: 4 }, () => deliverDueEmails({ transport })));
    for (const to of recipients) expect(addressedTo(to)).toHaveLength(1);
  });

  it("backs off exponentially up to an hour", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(retryDelayMs(30)).toBe(60 * 60_000);
  });
});
