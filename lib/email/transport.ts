import "server-only";
import nodemailer from "nodemailer";
import { env } from "../env";

export type MailTransport = Pick<nodemailer.Transporter, "sendMail">;

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1"]);

// SMTP_URL, e.g. smtps://user:pass@smtp.example:465. A mail catcher on loopback speaks plain
// SMTP; anything else upgrades with STARTTLS when offered.
// The app's long-lived sender keeps one pooled connection open: a fresh connection and
// greeting for each email cost about three times the send itself (BENCHMARKS.md, purchase flow).
export function transportFor(smtpUrl: string, { pool = false } = {}): nodemailer.Transporter {
  const url = new URL(smtpUrl);
  const secure = url.protocol === "smtps:";
  const connection = {
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    ignoreTLS: LOOPBACK.has(url.hostname),
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    connectionTimeout: 10_000,
  };
  return pool
    ? nodemailer.createTransport({ ...connection, pool: true, maxConnections: 1 })
    : nodemailer.createTransport(connection);
}

let shared: MailTransport | undefined;
export function mailTransport(): MailTransport {
  shared ??= transportFor(env().SMTP_URL, { pool: true });
  return shared;
}
