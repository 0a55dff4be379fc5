export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  await import("./lib/startup-check");
  const { recordPeerAddresses } = await import("./lib/auth/peer-address");
  recordPeerAddresses();
  const { startEmailWorker } = await import("./lib/email/worker");
  startEmailWorker();
}
