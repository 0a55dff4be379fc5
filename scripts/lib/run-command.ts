import { spawn } from "node:child_process";
import path from "node:path";

type RunOptions = {
  env?: NodeJS.ProcessEnv;
  // Prisma's WASM schema engine leaves 10–60 s timers behind after its work is done; once
  // the command has printed this, a lingering process is stopped instead of waited for.
  doneWhenOutput?: RegExp;
};

const LINGER_GRACE_MS = 1500;

export function runCommand(bin: string, args: string[], options: RunOptions = {}): Promise<void> {
  const executable = path.resolve("node_modules/.bin", bin);
  return new Promise((resolve, reject) => {
    const child = spawn(executable, args, {
      env: options.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    let lingerTimer: NodeJS.Timeout | undefined;
    let finishedWork = false;
    const onData = (target: NodeJS.WriteStream) => (chunk: Buffer) => {
      target.write(chunk);
      output += chunk.toString();
      if (options.doneWhenOutput?.test(output) && !lingerTimer) {
        finishedWork = true;
        lingerTimer = setTimeout(() => child.kill("SIGTERM"), LINGER_GRACE_MS);
      }
    };
    child.stdout.on("data", onData(process.stdout));
    child.stderr.on("data", onData(process.stderr));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(lingerTimer);
      if (code === 0 || (finishedWork && signal === "SIGTERM")) resolve();
      else reject(new Error(`${bin} ${args.join(" ")} failed (${signal ?? `exit ${code}`})`));
    });
  });
}
