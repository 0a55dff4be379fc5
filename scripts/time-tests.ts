// Times the whole test command (`npm test`) and records it for BENCHMARKS.md.
import { spawnSync } from "node:child_process";
import { writeReport } from "./bench/report";
import { saveResult } from "./bench/lib/results";

const started = Date.now();
const { status } = spawnSync("npm", ["test"], { stdio: "inherit" });
saveResult("test-suite", { command: "npm test", seconds: Math.round((Date.now() - started) / 1000), exitCode: status });
writeReport();
process.exit(status ?? 1);
