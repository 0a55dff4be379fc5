// Benchmark results live as JSON under benchmarks/, one file per benchmark, and
// scripts/bench/report.ts turns them into BENCHMARKS.md.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const DIRECTORY = path.resolve("benchmarks");

export function machine() {
  return {
    date: new Date().toISOString(),
    cpu: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "unknown CPU"}`,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
  };
}

export function saveResult(name: string, data: unknown) {
  mkdirSync(DIRECTORY, { recursive: true });
  const replacer = (_key: string, value: unknown) => (typeof value === "bigint" ? value.toString() : value);
  writeFileSync(
    path.join(DIRECTORY, `${name}.json`),
    `${JSON.stringify({ machine: machine(), ...(data as object) }, replacer, 2)}\n`,
  );
}

export function readResult<T>(name: string): (T & { machine: ReturnType<typeof machine> }) | null {
  try {
    return JSON.parse(readFileSync(path.join(DIRECTORY, `${name}.json`), "utf8"));
  } catch {
    return null;
  }
}
