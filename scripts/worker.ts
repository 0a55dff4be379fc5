// `npm run worker`: runs the background jobs in a process of their own, for a deployment that
// starts its app instances with JOB_RUNNER=off. Stops on SIGINT/SIGTERM once running jobs end.
import "../lib/startup-check";
import { startJobRunner, stopJobRunner } from "../lib/jobs/runner";
import { log } from "../lib/log";

async function main() {
  const runner = await startJobRunner();
  log.info("job runner started");
  const stop = async () => {
    await stopJobRunner();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  await runner.promise;
}

main().catch((error: unknown) => {
  log.fatal({ err: error }, "job runner failed");
  process.exit(1);
});
