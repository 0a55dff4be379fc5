// Starts the production build (`next start`) on 127.0.0.1 for a benchmark, the way a
// deployment runs it, and stops it afterwards.
import { type ChildProcess, spawn } from "node:child_process";

// `kill`: SIGKILL, as a crash or an out-of-memory kill ends it, with no chance to finish anything.
export type AppServer = { url: string; stop: () => Promise<void>; kill: () => Promise<void> };

async function waitUntilServing(url: string, child: ChildProcess, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not start within ${timeoutMs} ms`);
}

function ended(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill(signal);
  });
}

// `env`: variables that differ from this process's own, e.g. another public address.
export async function startApp(port: number, env: Record<string, string> = {}): Promise<AppServer> {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(port)],
    {
      env: { ...process.env, ...env },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  await waitUntilServing(url, child);
  return { url, stop: () => ended(child, "SIGTERM"), kill: () => ended(child, "SIGKILL") };
}
