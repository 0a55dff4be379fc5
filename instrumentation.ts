export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  await import("./lib/startup-check");
  const { recordPeerAddresses } = await import("./lib/auth/peer-address");
  recordPeerAddresses();
  const { env } = await import("./lib/env");
  // Background jobs run in every app process by default; production may run them in separate
  // `npm run worker` processes instead (JOB_RUNNER=off on the app).
  if (env().JOB_RUNNER === "embedded") {
    const { startJobRunner } = await import("./lib/jobs/runner");
    await startJobRunner();
  }
}
