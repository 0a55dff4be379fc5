import type { AddressInfo } from "node:net";
import { networkInterfaces } from "node:os";
import { SMTPServer } from "smtp-server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { uniqueEmail } from "../testing/users";
import { enqueueEmail } from "./outbox";
import { deliverDueEmails, MAX_ATTEMPTS, retryDelayMs } from "./sender";
import { transportFor } from "./transport";

type Received = { to: string; raw: string };

// A real SMTP server on loopback (or the given address) that records what it receives and
// refuses the recipients it is told to, as a provider refuses a mailbox that does not exist.
async function startSmtp(port = 0, { host = "127.0.0.1", refuse = new Set<string>() } = {}) {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onRcptTo(address, _session, callback) {
      if (!refuse.has(address.address)) return callback();
      callback(Object.assign(new Error("5.1.1 No such mailbox"), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (chunk: Buffer) => (raw += chunk.toString()));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
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

const rowOf = (id: string) => db.outboxEmail.findUniqueOrThrow({ where: { id } });

// This machine's address on a real network interface: a mail server that is not on loopback.
function networkAddress(): string {
  const address = Object.values(networkInterfaces())
    .flat()
    .find((candidate) => candidate && candidate.family === "IPv4" && !candidate.internal);
  if (!address) throw new Error("this test needs a network interface besides loopback");
  return address.address;
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

  it("delivers the other emails when a recipient is refused, and keeps retrying that one behind them", async () => {
    const refused = uniqueEmail("nobody");
    smtp = await startSmtp(0, { refuse: new Set([refused]) });
    const transport = transportFor(`smtp://127.0.0.1:${smtp.port}`);
    // Queued first, so it is the first one due.
    const { id } = await queueVerification(refused);
    const others = Array.from({ length: 3 }, () => uniqueEmail("fine"));
    for (const to of others) await queueVerification(to);

    expect(await deliverDueEmails({ transport })).toEqual({ sent: 3, failed: 1 });
    for (const to of others) expect(addressedTo(to)).toHaveLength(1);
    const waiting = await rowOf(id);
    expect(waiting).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(waiting.lastError).toMatch(/550/);

    // Each retry waits longer; a pass before it is due leaves it alone.
    let clock = Date.now();
    for (let attempt = 1; attempt < 4; attempt += 1) {
      expect(await deliverDueEmails({ transport, now: () => new Date(clock) })).toEqual({ sent: 0, failed: 0 });
      clock += retryDelayMs(attempt) + 1000;
      expect(await deliverDueEmails({ transport, now: () => new Date(clock) })).toEqual({ sent: 0, failed: 1 });
      expect(await rowOf(id)).toMatchObject({ status: "PENDING", attempts: attempt + 1 });
    }
  });

  it("gives an email up after its last attempt and forgets its token then too", async () => {
    const refused = uniqueEmail("nobody");
    smtp = await startSmtp(0, { refuse: new Set([refused]) });
    const transport = transportFor(`smtp://127.0.0.1:${smtp.port}`);
    const { id } = await queueVerification(refused);
    await db.outboxEmail.update({ where: { id }, data: { attempts: MAX_ATTEMPTS - 2 } });

    expect(await deliverDueEmails({ transport })).toEqual({ sent: 0, failed: 1 });
    const beforeLast = await rowOf(id);
    expect(beforeLast).toMatchObject({ status: "PENDING", attempts: MAX_ATTEMPTS - 1 });
    expect(JSON.stringify(beforeLast.payload)).toContain("secret-token-123");

    const later = () => new Date(beforeLast.nextAttemptAt.getTime() + 1000);
    expect(await deliverDueEmails({ transport, now: later })).toEqual({ sent: 0, failed: 1 });
    const givenUp = await rowOf(id);
    expect(givenUp).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS, payload: { name: "Aiko" } });
    expect(JSON.stringify(givenUp.payload)).not.toContain("secret-token-123");
    // Given up means never tried again.
    const muchLater = () => new Date(Date.now() + 365 * 86_400_000);
    expect(await deliverDueEmails({ transport, now: muchLater })).toEqual({ sent: 0, failed: 0 });
    expect(addressedTo(refused)).toHaveLength(0);
  });

  it("delivers the others past an email that cannot be rendered", async () => {
    smtp = await startSmtp();
    const transport = transportFor(`smtp://127.0.0.1:${smtp.port}`);
    const broken = await db.outboxEmail.create({
      data: { to: uniqueEmail("broken"), locale: "en", template: "order-receipt", payload: { token: "t0k3n" } },
    });
    const to = uniqueEmail("fine");
    await queueVerification(to);

    expect(await deliverDueEmails({ transport })).toEqual({ sent: 1, failed: 1 });
    expect(addressedTo(to)).toHaveLength(1);
    expect(await rowOf(broken.id)).toMatchObject({ status: "PENDING", attempts: 1 });
  });

  it("stops a pass when the mail server itself fails, without spending the other emails' attempts", async () => {
    const probe = await startSmtp();
    await probe.close();
    const transport = transportFor(`smtp://127.0.0.1:${probe.port}`);
    const rows = [await queueVerification(uniqueEmail("a")), await queueVerification(uniqueEmail("b"))];

    expect(await deliverDueEmails({ transport })).toEqual({ sent: 0, failed: 1 });
    expect((await Promise.all(rows.map(({ id }) => rowOf(id)))).map((row) => row.attempts).sort()).toEqual([0, 1]);
  });

  it("in production, sends to a mail server off loopback only over STARTTLS", async () => {
    const host = networkAddress();
    smtp = await startSmtp(0, { host: "0.0.0.0" });
    const to = uniqueEmail("tls");
    const { id } = await queueVerification(to);

    // The server does not offer STARTTLS: nothing is sent, and the email waits.
    const production = transportFor(`smtp://${host}:${smtp.port}`, { production: true });
    expect(await deliverDueEmails({ transport: production })).toEqual({ sent: 0, failed: 1 });
    expect(smtp.received).toHaveLength(0);
    expect((await rowOf(id)).lastError).toMatch(/STARTTLS/);

    // The same server is reachable: outside production the upgrade is only taken when offered,
    // and on loopback production speaks plain SMTP to a local relay.
    const later = () => new Date(Date.now() + retryDelayMs(1) + 1000);
    const development = transportFor(`smtp://${host}:${smtp.port}`);
    expect(await deliverDueEmails({ transport: development, now: later })).toEqual({ sent: 1, failed: 0 });
    await queueVerification(to);
    const relay = transportFor(`smtp://127.0.0.1:${smtp.port}`, { production: true });
    expect(await deliverDueEmails({ transport: relay })).toEqual({ sent: 1, failed: 0 });
    expect(addressedTo(to)).toHaveLength(2);
  });

  it("backs off exponentially up to an hour", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(retryDelayMs(30)).toBe(60 * 60_000);
  });
});
