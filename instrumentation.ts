export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  await import("./lib/startup-check");
  const { startEmailWorker } = await import("./lib/email/worker");
  startEmailWorker();
}
