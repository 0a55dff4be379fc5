import type { Prisma, PrismaClient } from "@prisma/client";
import { hashPassword } from "../../lib/auth/password";
import { MB } from "../../lib/balance/rules";
import { demoAccount } from "../catalog";
import { deleteHistory } from "./reset";
import {
  buyEsims,
  type Buyer,
  recordUsage,
  type ReplayedEsim,
  reportLifecycle,
  runScheduledJobs,
  type Standing,
  topUp,
} from "./replay";
import { demoStory, type Step } from "./story";

// One eSIM's steps in time order, with the scheduled jobs' work between them and up to now.
async function replaySteps(tx: Prisma.TransactionClient, buyer: Buyer, esim: ReplayedEsim, steps: Step[], now: Date) {
  let standing: Standing = await tx.esimProfile.findUniqueOrThrow({
    where: { id: esim.id },
    select: { state: true, validUntil: true },
  });
  let previous: Date | null = null;
  let records = 0;
  for (const step of [...steps].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    await runScheduledJobs(tx, esim, standing, previous, step.at);
    if (step.kind === "phone") standing = await reportLifecycle(tx, esim, step.event, "activation-page", step.at);
    if (step.kind === "top-up") standing = await topUp(tx, buyer, esim, step, standing);
    if (step.kind === "usage") {
      records += 1;
      const usage = {
        recordId: `cdr-${records}`,
        at: step.at,
        receivedAt: step.receivedAt,
        dataBytes: BigInt(step.dataMb) * MB,
        voiceSeconds: step.voiceMinutes * 60,
      };
      standing = await recordUsage(tx, esim, usage, standing);
    }
    previous = step.at;
  }
  await runScheduledJobs(tx, esim, standing, previous, now);
}

// The demo account, with a history that ends now: whatever it did before is replaced, so a
// re-seed brings it back to this, and other accounts are not touched. The account row is kept
// (a changed password stays changed).
export async function seedDemoAccount(db: PrismaClient, now = new Date()) {
  const { password, ...profile } = demoAccount;
  const user = await db.user.upsert({
    where: { email: profile.email },
    create: { ...profile, passwordHash: await hashPassword(password), emailVerified: now },
    update: {},
    select: { id: true, email: true, locale: true },
  });
  await db.$transaction(
    async (tx) => {
      // Two seeds at once (a dev server starting while `npm run db:seed` runs) take turns.
      await tx.$queryRaw`SELECT id FROM users WHERE id = ${user.id} FOR UPDATE`;
      await deleteHistory(tx, user.id);
      for (const order of demoStory(now)) {
        const esims = await buyEsims(tx, user, order);
        for (const [index, esim] of esims.entries()) await replaySteps(tx, user, esim, order.esims[index] ?? [], now);
      }
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
  return user;
}
