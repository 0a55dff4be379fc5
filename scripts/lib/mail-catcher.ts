// The local mail catcher (maildev): an SMTP server that keeps every message and shows it in a
// web inbox, so emails sent in development and tests can be opened and their links followed.
import { spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";

// `keep`: the inbox is kept on disk and survives a restart of the catcher — development's across
// sessions, the fault-injection suite's (`npm run chaos`) across the outages it causes.
export const mailCatchers = {
  development: { smtp: 1025, web: 1080, directory: ".data/maildev-dev", keep: true },
  test: { smtp: 1026, web: 1081, directory: ".data/maildev-test", keep: false },
  chaos: { smtp: 1030, web: 1085, directory: ".data/chaos/maildev", keep: true },
} as const;

export type MailCatcher = { smtpUrl: string; inboxUrl: string; stop: () => Promise<void> };

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => socket.end(() => resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await portOpen(port))) {
    if (Date.now() > deadline) throw new Error(`the mail catcher did not open port ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function startMailCatcher(target: keyof typeof mailCatchers): Promise<MailCatcher> {
  const { smtp, web, directory, keep } = mailCatchers[target];
  const urls = { smtpUrl: `smtp://127.0.0.1:${smtp}`, inboxUrl: `http://127.0.0.1:${web}` };
  // One left running by another command is reused, like the database.
  if (await portOpen(smtp)) return { ...urls, stop: async () => undefined };

  const args = ["--ip", "127.0.0.1", "--web-ip", "127.0.0.1", "-s", String(smtp), "-w", String(web)];
  // Tests read only what they sent.
  if (keep) args.push("--mail-directory", path.resolve(directory));
  const child = spawn(path.resolve("node_modules/.bin/maildev"), args, { stdio: ["ignore", "ignore", "inherit"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await waitForPort(smtp, 15_000);
  return {
    ...urls,
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}
