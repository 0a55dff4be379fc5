// Usage (through `npm run bench`, which provides the database and mail catcher):
//   tsx --conditions=react-server scripts/bench/run.ts [benchmark…]
// Builds the app, runs the named benchmarks (all by default), saves their results under
// benchmarks/ and rewrites the measured part of BENCHMARKS.md.
import { execFileSync } from "node:child_process";
import { bundle } from "./bundle";
import { lighthouseScores } from "./lighthouse";
import { writeReport } from "./report";
import { flow } from "./flow";
import { oneEsim } from "./one-esim";
import { scale } from "./scale";
import { throughput } from "./throughput";
import { twoInstances } from "./two-instances";

const BENCHMARKS: Record<string, () => Promise<unknown>> = {
  lighthouse: () => lighthouseScores(),
  throughput: () => throughput(),
  flow: () => flow(),
  scale: () => scale(),
  bundle: () => bundle(),
  "two-instances": () => twoInstances(),
  "one-esim": () => oneEsim(),
};

async function main() {
  const requested = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
  const unknown = requested.filter((name) => !(name in BENCHMARKS));
  if (unknown.length)
    throw new Error(`unknown benchmark(s): ${unknown.join(", ")}; known: ${Object.keys(BENCHMARKS).join(", ")}`);
  if (!process.argv.includes("--no-build"))
    execFileSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, BENCHMARK_PAGES: "1" } });
  for (const name of requested.length ? requested : Object.keys(BENCHMARKS)) {
    console.log(`\n== ${name}`);
    await BENCHMARKS[name]!();
  }
  writeReport();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
