// Which app instances open SMTP connections while a scenario runs, sampled from the socket
// table with `ss` (Linux): evidence that more than one outbox worker delivered. The outbox
// itself does not record who sent an email. Null where `ss` is unavailable.
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);
const SAMPLE_MS = 50;

async function pidsListeningOn(port: number): Promise<string[]> {
  const { stdout } = await run("ss", ["-Hltnp", "sport", "=", `:${port}`]);
  return [...stdout.matchAll(/pid=(\d+)/g)].map((match) => match[1]!);
}

// Each open connection to the mail server, by its local address, with the process holding it.
async function smtpConnections(smtpPort: number): Promise<[string, string][]> {
  const { stdout } = await run("ss", ["-Htnp", "state", "established", "dport", "=", `:${smtpPort}`]);
  return [...stdout.matchAll(/(\S+:\d+)\s+\S+\s+users:.*?pid=(\d+)/g)].map((match) => [match[1]!, match[2]!]);
}

export function watchSmtpSenders(smtpPort: number, instancePorts: Record<string, number>) {
  const connections = new Map<string, string>();
  const owners = Promise.all(
    Object.entries(instancePorts).map(async ([name, port]) => [name, await pidsListeningOn(port)] as const),
  );
  const timer = setInterval(() => {
    smtpConnections(smtpPort).then(
      (open) => open.forEach(([local, pid]) => connections.set(`${pid} ${local}`, pid)),
      () => undefined,
    );
  }, SAMPLE_MS).unref();
  return {
    async stop(): Promise<Record<string, number> | null> {
      clearInterval(timer);
      const byInstance = await owners.catch(() => null);
      if (!byInstance) return null;
      const pids = [...connections.values()];
      return Object.fromEntries(
        byInstance.map(([name, own]) => [name, pids.filter((pid) => own.includes(pid)).length]),
      );
    },
  };
}
