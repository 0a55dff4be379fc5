// Imported first by the suite: the configuration its app instances and its own checks share,
// set before any module reads it. Everything lives on 127.0.0.1, on ports of its own (app
// 3300–3310, mail 1030/1085, PostgreSQL 54350), so the suite never meets the shared e2e servers.
import { embeddedDatabaseUrl } from "../../../lib/db/embedded-defaults";
import { generateSecrets } from "../../../lib/development-defaults";
import { mailCatchers } from "../../lib/mail-catcher";

export const APP_PORTS = { app: 3300, first: 3301, second: 3302, proxy: 3309 } as const;

// The app's public address: where its links, redirects and the checkout's webhook events go.
export const publicAddress = (url: string) => ({ APP_URL: url, AUTH_URL: url });

Object.assign(process.env, {
  ...generateSecrets(),
  // The suite owns its cluster, since it stops it; a DATABASE_URL in the shell is not used.
  DATABASE_URL: embeddedDatabaseUrl("chaos"),
  SMTP_URL: `smtp://127.0.0.1:${mailCatchers.chaos.smtp}`,
  MAIL_CATCHER_URL: `http://127.0.0.1:${mailCatchers.chaos.web}`,
  // A production build runs as APP_ENV=test only as a declared sandbox, as the test command's does.
  APP_ENV: "test",
  TABI_SANDBOX: "1",
  ...publicAddress(`http://127.0.0.1:${APP_PORTS.app}`),
  LOG_LEVEL: process.env.LOG_LEVEL ?? "error",
});
