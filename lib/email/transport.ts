import "server-only";
import nodemailer from "nodemailer";
import { env } from "../env";

export type MailTransport = Pick<nodemailer.Transporter, "sendMail">;

function isLoopbackHost(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}

// SMTP_URL, e.g. smtps://user:pass@smtp.example:465 (TLS from the start). A mail catcher on
// loopback speaks plain SMTP. Anything else upgrades smtp:// with STARTTLS: when offered
// outside production, and always in production, where a server that does not offer it (or a
// connection stripped of the offer) gets no message and no password.
// The app's long-lived sender keeps one pooled connection open: a fresh connection and
// greeting for each email cost about three times the send itself (BENCHMARKS.md, purchase flow).
// A server that stops answering fails the send well within the outbox row's 60 s transaction.
export function transportFor(smtpUrl: string, { pool = false, production = false } = {}): nodemailer.Transporter {
  const url = new URL(smtpUrl);
  // URL host names keep IPv6 brackets (smtp://[::1]:25 has "[::1]"); sockets want the address.
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  const secure = url.protocol === "smtps:";
  const loopback = isLoopbackHost(host);
  const connection = {
    host,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    ignoreTLS: loopback,
    requireTLS: production && !secure && !loopback,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  };
  return pool
    ? nodemailer.createTransport({ ...connection, pool: true, maxConnections: 1 })
    : nodemailer.createTransport(connection);
}

let shared: MailTransport | undefined;
export function mailTransport(): MailTransport {
  const { SMTP_URL, APP_ENV } = env();
  shared ??= transportFor(SMTP_URL, { pool: true, production: APP_ENV === "production" });
  return shared;
}
