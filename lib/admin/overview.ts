import "server-only";
import { Prisma } from "@prisma/client";
import { db } from "../db/client";
import { MAX_ATTEMPTS, retryDelayMs } from "../email/sender";
import { orderReference } from "../orders/order-emails";
import { ACCEPTED_REFUND_STATUSES } from "../orders/order-refunds";
import { jstDate, startOfJstDay } from "../time/jst";
import { jstDateSql } from "../time/sql";

// The console's overview: what happened on each Japan day, the shop's business day.

export const OVERVIEW_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

export type DayFigures = {
  // YYYY-MM-DD, Japan time.
  date: string;
  ordersPaid: number;
  // Integer yen: what was paid for the orders paid that day, before refunds.
  revenue: number;
  refunds: number;
  refundedAmount: number;
  // Revenue less what was given back that day (of orders paid that day or earlier).
  netRevenue: number;
  // eSIMs enabled for the first time (a later re-enable after a suspension is not counted).
  esimsActivated: number;
  // Emails the sender gave up on that day.
  emailsFailed: number;
  // Background jobs whose latest attempt that day failed, and those of them out of attempts.
  jobsFailed: number;
  jobsGivenUp: number;
};

export type Overview = { today: DayFigures; days: DayFigures[] };

type Row = { date: string } & Record<string, bigint | number | null | string>;

const toNumber = (value: unknown) => (value === null || value === undefined ? 0 : Number(value));

// Every figure of the last OVERVIEW_DAYS Japan days up to `now`'s, each grouped by JST day in
// the database. Money is JPY only: the shop sells in yen, and adding other currencies to yen
// would make a number that means nothing.
export async function overviewFigures(now = new Date()): Promise<Overview> {
  const end = new Date(startOfJstDay(now).getTime() + DAY_MS);
  const start = new Date(end.getTime() - OVERVIEW_DAYS * DAY_MS);
  // Timestamps of the shop's tables are UTC without a zone; the job queue's carry one.
  const jobDay = jstDateSql("updated_at", { zoned: true });
  // The outbox keeps no time of giving up, but the sender gives up at the last of MAX_ATTEMPTS
  // and sets the next attempt that attempt's delay later (lib/email/sender.ts), which is when.
  const givenUpAt = Prisma.sql`("nextAttemptAt" - ${retryDelayMs(MAX_ATTEMPTS)}::float8 * interval '1 millisecond')`;
  const givenUpDay = jstDateSql(givenUpAt);

  const [orders, refunds, activations, emails, jobs] = await Promise.all([
    db.$queryRaw<Row[]>`
      SELECT ${jstDateSql("paidAt")} AS date, count(*) AS "ordersPaid",
        coalesce(sum("totalAmount") FILTER (WHERE currency = 'JPY'), 0) AS revenue
      FROM orders WHERE "paidAt" >= ${start} AND "paidAt" < ${end}
      GROUP BY 1`,
    // Refunds the gateway accepted (or a lost dispute took), whoever made them; a refund that
    // failed later stops counting, as it does for the order.
    db.$queryRaw<Row[]>`
      SELECT ${jstDateSql("createdAt")} AS date, count(*) AS refunds,
        coalesce(sum(amount) FILTER (WHERE currency = 'JPY'), 0) AS "refundedAmount"
      FROM order_refunds
      WHERE "createdAt" >= ${start} AND "createdAt" < ${end} AND status IN (${Prisma.join(ACCEPTED_REFUND_STATUSES)})
      GROUP BY 1`,
    db.$queryRaw<Row[]>`
      SELECT ${jstDateSql("createdAt")} AS date, count(DISTINCT "esimId") AS "esimsActivated"
      FROM esim_events e
      WHERE "toState" = 'ENABLED' AND "createdAt" >= ${start} AND "createdAt" < ${end}
        AND NOT EXISTS (
          SELECT 1 FROM esim_events earlier
          WHERE earlier."esimId" = e."esimId" AND earlier."toState" = 'ENABLED' AND earlier."createdAt" < e."createdAt")
      GROUP BY 1`,
    db.$queryRaw<Row[]>`
      SELECT ${givenUpDay} AS date, count(*) AS "emailsFailed"
      FROM email_outbox WHERE status = 'FAILED' AND ${givenUpAt} >= ${start} AND ${givenUpAt} < ${end}
      GROUP BY 1`,
    // graphile-worker deletes a job once it succeeds and keeps a failed one with its error,
    // to run again until max_attempts (lib/jobs/runner.ts).
    db.$queryRaw<Row[]>`
      SELECT ${jobDay} AS date, count(*) AS "jobsFailed",
        count(*) FILTER (WHERE attempts >= max_attempts) AS "jobsGivenUp"
      FROM graphile_worker.jobs
      WHERE last_error IS NOT NULL AND updated_at >= ${start} AND updated_at < ${end}
      GROUP BY 1`,
  ]);

  const byDate = new Map<string, Record<string, unknown>>();
  for (const row of [...orders, ...refunds, ...activations, ...emails, ...jobs]) {
    byDate.set(row.date, { ...byDate.get(row.date), ...row });
  }
  const days = Array.from({ length: OVERVIEW_DAYS }, (_, index): DayFigures => {
    const date = jstDate(new Date(start.getTime() + index * DAY_MS));
    const row = byDate.get(date) ?? {};
    const revenue = toNumber(row.revenue);
    const refundedAmount = toNumber(row.refundedAmount);
    return {
      date,
      ordersPaid: toNumber(row.ordersPaid),
      revenue,
      refunds: toNumber(row.refunds),
      refundedAmount,
      netRevenue: revenue - refundedAmount,
      esimsActivated: toNumber(row.esimsActivated),
      emailsFailed: toNumber(row.emailsFailed),
      jobsFailed: toNumber(row.jobsFailed),
      jobsGivenUp: toNumber(row.jobsGivenUp),
    };
  });
  return { today: days[days.length - 1]!, days };
}

// Orders whose refund the gateway refused or failed for good: nothing retries them, and each
// waits for a person to give the money back outside the shop. The newest first, and how many.
export async function refundsToSettle(limit = 20) {
  const where = { status: "FAILED", refundFailedAt: { not: null } } satisfies Prisma.OrderWhereInput;
  const [count, orders] = await Promise.all([
    db.order.count({ where }),
    db.order.findMany({
      where,
      orderBy: { refundFailedAt: "desc" },
      take: limit,
      select: { id: true, totalAmount: true, currency: true, refundFailedAt: true, refundFailureReason: true },
    }),
  ]);
  return { count, orders: orders.map((order) => ({ ...order, reference: orderReference(order.id) })) };
}
