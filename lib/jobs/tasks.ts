import "server-only";
import type { Task } from "graphile-worker";
import { pruneExpiredIdempotencyKeys } from "../api/idempotency";
import { pruneEndedSessions } from "../auth/ended-sessions";
import { raiseDueExpiryAlerts } from "../balance/alerts";
import { lapseEndedBalances } from "../balance/expiry";
import { deliverDueEmails } from "../email/sender";
import { issueWhenSmdpAnswers } from "../orders/deferred-issue";
import { reconcileStaleOrders } from "../orders/reconcile";
import { retryDueRefunds } from "../orders/refunds";
import { sweepStaleLocalSessions } from "../payments/local-checkout";
import { closeLocalDispute, openLocalDispute } from "../payments/local-disputes";
import { deliverLocalEvent } from "../payments/local-event-delivery";
import { settleKonbiniVoucher } from "../payments/local-konbini";
import { settleLocalRefund } from "../payments/local-refunds";
import { localWebhookOrigin } from "../payments/local-session";
import { deliverWebhook } from "../webhooks/deliver";
import { announceExpiredEsims } from "../webhooks/expired-sweep";
import { deliverLateBatch } from "../scenarios/dead-zone";
import { runStreamStep } from "../scenarios/usage-stream";
import { unlockDeadWorkers } from "./heartbeats";
import type { JobName, JobPayloads } from "./queue";

// One delivery job sends at most this many emails, so that no job runs for long.
export const EMAILS_PER_PASS = 50;

// A sweep takes nothing from its job: it finds its own work. (Called without the job's
// arguments, which the sweeps' optional parameters are not.)
const sweep =
  (run: () => Promise<unknown>): Task =>
  async () => {
    await run();
  };

// What each job does. A task that throws is retried by the queue with exponential backoff.
export const taskList: Record<JobName, Task> = {
  "deliver-emails": async (_payload, helpers) => {
    const { sent, failed } = await deliverDueEmails({ limit: EMAILS_PER_PASS });
    // A full pass left due emails behind (the backlog after a mail-server outage): the next pass
    // starts now, not at the next minute's tick, so a backlog drains at the server's pace.
    if (sent + failed >= EMAILS_PER_PASS)
      await helpers.addJob("deliver-emails", {}, { jobKey: "deliver-emails", jobKeyMode: "preserve_run_at" });
  },
  "raise-expiry-alerts": sweep(() => raiseDueExpiryAlerts()),
  "lapse-ended-balances": sweep(() => lapseEndedBalances()),
  "retry-due-refunds": sweep(() => retryDueRefunds()),
  "unlock-dead-workers": sweep(() => unlockDeadWorkers()),
  "reconcile-orders": sweep(() => reconcileStaleOrders()),
  // Stripe expires its sessions itself; the local checkout does it here.
  "expire-local-sessions": sweep(sweepStaleLocalSessions),
  "prune-ended-sessions": sweep(() => pruneEndedSessions()),
  "prune-idempotency-keys": sweep(() => pruneExpiredIdempotencyKeys()),
  // Its own schedule (the event's next attempt is a new job), not the queue's retries.
  "deliver-local-event": async (payload) => {
    await deliverLocalEvent((payload as JobPayloads["deliver-local-event"]).eventId);
  },
  // The local checkout's simulated outcomes, due when Stripe's test behaviour says.
  "settle-konbini-voucher": async (payload) => {
    const { sessionId, result } = payload as JobPayloads["settle-konbini-voucher"];
    const settled = await settleKonbiniVoucher(sessionId, result, localWebhookOrigin());
    // The queue tries again with its backoff, after the voucher's own event has gone out.
    if (settled.status === "completion_undelivered") throw new Error(`voucher ${sessionId} not yet announced`);
  },
  "settle-local-refund": async (payload) => {
    const { refundId, from, to } = payload as JobPayloads["settle-local-refund"];
    await settleLocalRefund(refundId, from, to, localWebhookOrigin());
  },
  // Its own schedule (Standard Webhooks'), not the queue's retries: each attempt queues the next.
  "deliver-webhook": async (payload) => {
    const { deliveryId, attempt } = payload as JobPayloads["deliver-webhook"];
    await deliverWebhook(deliveryId, attempt);
  },
  "announce-expired-esims": sweep(() => announceExpiredEsims()),
  // Scenario simulator steps, each on its own schedule (the next step is a new job).
  "scenario-usage-stream": async (payload) => {
    await runStreamStep(payload as JobPayloads["scenario-usage-stream"]);
  },
  "scenario-late-batch": async (payload) => {
    await deliverLateBatch(payload as JobPayloads["scenario-late-batch"]);
  },
  // Its own backoff while the SM-DP+ is out; a throw (the database) is the queue's to retry.
  "issue-esims": async (payload) => {
    const { orderId, attempt } = payload as JobPayloads["issue-esims"];
    await issueWhenSmdpAnswers(orderId, attempt);
  },
  "open-local-dispute": async (payload) => {
    await openLocalDispute((payload as JobPayloads["open-local-dispute"]).sessionId, localWebhookOrigin());
  },
  "close-local-dispute": async (payload) => {
    const { disputeId, outcome } = payload as JobPayloads["close-local-dispute"];
    await closeLocalDispute(disputeId, outcome, localWebhookOrigin());
  },
};

// Work that comes from time passing rather than from a change: each runs on every instance's
// schedule, but the queue runs each tick once across all of them.
export const schedule: { task: JobName; match: string }[] = [
  // Retries of emails whose send failed, once their backoff has passed.
  { task: "deliver-emails", match: "* * * * *" },
  { task: "raise-expiry-alerts", match: "*/5 * * * *" },
  { task: "lapse-ended-balances", match: "* * * * *" },
  // A refund whose gateway call failed in passing may have nobody left to ask again for it.
  { task: "retry-due-refunds", match: "*/5 * * * *" },
  // Jobs a killed process held run again on a live one within about a minute and a half.
  { task: "unlock-dead-workers", match: "* * * * *" },
  // Orders whose closing event never came: asked of the gateway and settled.
  { task: "reconcile-orders", match: "*/5 * * * *" },
  { task: "expire-local-sessions", match: "* * * * *" },
  // A logged-out session is remembered only until its cookies would have expired anyway.
  { task: "prune-ended-sessions", match: "17 * * * *" },
  // An API answer is replayed for 24 hours; an expired key is ignored, and removed here.
  { task: "prune-idempotency-keys", match: "23 * * * *" },
  // An eSIM with nothing left to lapse still ends: its esim.expired comes from here.
  { task: "announce-expired-esims", match: "* * * * *" },
];
