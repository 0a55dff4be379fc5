import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { enqueueEmail } from "../email/outbox";
import { newBuyer } from "../testing/shop";

const pendingDeliveries = async () => {
  const [row] = await db.$queryRaw<{ count: bigint }[]>`
    SELECT count(*) AS count FROM graphile_worker.jobs WHERE task_identifier = 'deliver-emails' AND locked_at IS NULL`;
  return Number(row!.count);
};

const email = (user: { id: string; email: string }) =>
  ({
    userId: user.id,
    to: user.email,
    locale: "en",
    template: "password-changed",
    payload: { name: "Aiko", changedAt: new Date().toISOString() },
  }) as const;

describe("jobs added with their cause", () => {
  it("exist only if the transaction that adds them commits", async () => {
    const user = await newBuyer();
    await db.$executeRaw`SELECT FROM graphile_worker.remove_job('deliver-emails')`;
    await db
      .$transaction(async (tx) => {
        await enqueueEmail(tx, email(user));
        throw new Error("the cause fails");
      })
      .catch(() => undefined);
    expect(await pendingDeliveries()).toBe(0);
    expect(await db.outboxEmail.count({ where: { userId: user.id, template: "password-changed" } })).toBe(0);

    await db.$transaction((tx) => enqueueEmail(tx, email(user)));
    expect(await pendingDeliveries()).toBe(1);
  });

  it("keep the first email's turn however many emails follow it", async () => {
    const user = await newBuyer();
    await db.$executeRaw`SELECT FROM graphile_worker.remove_job('deliver-emails')`;
    const runAt = async () => {
      const [row] = await db.$queryRaw<{ run_at: Date }[]>`
        SELECT run_at FROM graphile_worker.jobs WHERE key = 'deliver-emails'`;
      return row!.run_at.getTime();
    };
    await db.$transaction((tx) => enqueueEmail(tx, email(user)));
    const first = await runAt();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await db.$transaction((tx) => enqueueEmail(tx, email(user)));
    expect(await runAt()).toBe(first);
  });

  it("collapse into one delivery job however many emails a burst writes", async () => {
    const user = await newBuyer();
    await Promise.all(Array.from({ length: 10 }, () => db.$transaction((tx) => enqueueEmail(tx, email(user)))));
    expect(await pendingDeliveries()).toBe(1);
    expect(await db.outboxEmail.count({ where: { userId: user.id, template: "password-changed" } })).toBe(10);
  });
});
