// The steps of an account's history, each written as the shop's own operation writes it, at the
// moment it happened. The lib operations take the real clock for what they stamp (the eSIM's
// clock for usage, alerts and top-ups, the database's for every createdAt) and email the buyer
// as they go, so a past cannot be played through them as it stands: each step here uses their
// rules, state tables and ledger, with its own time, and mails nobody.
import type { EsimState, Prisma } from "@prisma/client";
import { newToken } from "../../lib/accounts/tokens";
import { lapseRemainingBalance } from "../../lib/balance/expiry";
import { appendLedger, creditPackage, packageBalances } from "../../lib/balance/ledger";
import { allocateDebit, dataAlertsFor, expiryAlertsFor, MB } from "../../lib/balance/rules";
import { ACTIVATION_LINK_DAYS } from "../../lib/email/token-lifetimes";
import { env } from "../../lib/env";
import { generateIccid, newActivationCode, simulatedDeviceEid, SMDP_ADDRESSES } from "../../lib/esim/identifiers";
import { type LifecycleEvent, nextState, validityWindow } from "../../lib/esim/lifecycle";
import { quoteOrder } from "../../lib/orders/pricing";
import { runningAutomaticPromotions } from "../../lib/orders/promotions";
import { transitionOrder } from "../../lib/orders/status";
import { SESSION_ID_PLACEHOLDER } from "../../lib/payments/gateway";
import { LOCAL_SESSION_LIFETIME_MS } from "../../lib/payments/local-gateway";
import { stripeStyleId } from "../../lib/payments/local-events";
import { methodsFor } from "../../lib/payments/methods";
import { cardBrand } from "../../lib/payments/test-cards";

type Tx = Prisma.TransactionClient;
export type Buyer = { id: string; email: string; locale: string };
export type ReplayedEsim = { id: string; userId: string };
// Where an eSIM stands after a step, which the next step and the scheduled jobs go on from.
export type Standing = { state: EsimState; validUntil: Date | null };

const MINUTE = 60_000;
const DAY = 86_400_000;
// What the local checkout takes from "Buy now" to a paid session.
const CHECKOUT_MINUTES = 2;

const later = (instant: Date, minutes: number) => new Date(instant.getTime() + minutes * MINUTE);

type NewOrder = Omit<Prisma.OrderUncheckedCreateInput, "userId" | "paymentProvider" | "createdAt">;
type SessionPaths = { successPath: string; cancelPath: string };

// The demo pays everything with Stripe's test card that succeeds.
const CARD = "4242424242424242";
const CARD_DETAILS = { brand: cardBrand(CARD), last4: CARD.slice(-4) };

// openOrder with the local checkout, the buyer paying by card, and fulfilment's claim: a pending
// order, its session completed, and the order PAID.
async function paidOrder(tx: Tx, buyer: Buyer, order: NewOrder, lineItemName: string, paths: SessionPaths, at: Date) {
  const { APP_URL, PAYMENT_METHODS } = env();
  const paidAt = later(at, CHECKOUT_MINUTES);
  const paymentMethodTypes = methodsFor(PAYMENT_METHODS, { amount: order.totalAmount, currency: order.currency });
  if (!paymentMethodTypes.includes("card")) throw new Error("the demo pays by card, which is not offered");
  const created = await tx.order.create({
    data: { ...order, userId: buyer.id, paymentProvider: "local", createdAt: at },
  });
  const paymentIntentId = stripeStyleId("pi");
  const session = await tx.localCheckoutSession.create({
    data: {
      id: stripeStyleId("cs_test"),
      orderId: created.id,
      status: "COMPLETE",
      paymentStatus: "paid",
      paymentIntentId,
      paymentMethodTypes,
      paymentMethod: "card",
      paymentDetails: CARD_DETAILS,
      amountTotal: created.totalAmount,
      currency: created.currency,
      customerEmail: buyer.email,
      lineItems: [{ name: lineItemName, unitAmount: created.totalAmount, quantity: 1 }],
      successUrl: `${APP_URL}${paths.successPath}?session_id=${SESSION_ID_PLACEHOLDER}`,
      cancelUrl: `${APP_URL}${paths.cancelPath}`,
      expiresAt: new Date(at.getTime() + LOCAL_SESSION_LIFETIME_MS),
      completedAt: paidAt,
      createdAt: at,
    },
  });
  await tx.order.update({ where: { id: created.id }, data: { paymentSessionId: session.id } });
  await transitionOrder(tx, { id: created.id }, "PENDING", "PAID", {
    paidAt,
    paymentStatus: "paid",
    paymentIntentId,
    paymentMethod: "card",
    paymentDetails: CARD_DETAILS,
  });
  return { order: created, paidAt };
}

// creditPackage, with the package dated when it was bought: data is drawn from packages in that
// order, and expiry warnings go to the newest.
async function credit(tx: Tx, credit: Parameters<typeof creditPackage>[1]) {
  const pkg = await creditPackage(tx, credit);
  await tx.dataPackage.update({ where: { id: pkg.id }, data: { createdAt: credit.occurredAt } });
}

// startCheckout at the prices the rules gave at that moment, then fulfilment with issueProfiles:
// one released profile per eSIM, each with its plan credited and an activation link (whose
// token, as always, only the email had).
export async function buyEsims(
  tx: Tx,
  buyer: Buyer,
  { planSlug, quantity, at }: { planSlug: string; quantity: number; at: Date },
): Promise<ReplayedEsim[]> {
  const plan = await tx.plan.findUniqueOrThrow({ where: { slug: planSlug }, include: { carrier: true } });
  const priced = quoteOrder({ plan, quantity, automaticPromotions: await runningAutomaticPromotions(at), now: at });
  if (priced.status !== "priced") throw new Error(`${planSlug} could not be priced: ${priced.status}`);
  const { quote } = priced;
  const { order, paidAt } = await paidOrder(
    tx,
    buyer,
    {
      kind: "ESIM",
      planId: plan.id,
      quantity: quote.quantity,
      unitAmount: quote.unitAmount,
      subtotalAmount: quote.subtotalAmount,
      discountAmount: quote.discountAmount,
      totalAmount: quote.totalAmount,
      currency: quote.currency,
      discounts: quote.discounts,
    },
    `${plan.carrier.name} ${plan.slug} × ${quote.quantity}`,
    {
      successPath: `/${buyer.locale}/checkout/success`,
      cancelPath: `/${buyer.locale}/plans/${plan.slug}/checkout?cancelled=1`,
    },
    at,
  );

  const smdpAddress = SMDP_ADDRESSES[plan.carrierCode];
  const esims: ReplayedEsim[] = [];
  for (let sequence = 1; sequence <= order.quantity; sequence += 1) {
    const esim = await tx.esimProfile.create({
      data: {
        orderId: order.id,
        sequence,
        userId: buyer.id,
        planId: plan.id,
        carrierCode: plan.carrierCode,
        iccid: generateIccid(plan.carrierCode),
        smdpAddress,
        ...newActivationCode(smdpAddress),
        activationTokenHash: newToken().hash,
        activationTokenExpiresAt: new Date(paidAt.getTime() + ACTIVATION_LINK_DAYS * DAY),
        createdAt: paidAt,
      },
      select: { id: true, userId: true },
    });
    await credit(tx, {
      esimId: esim.id,
      orderId: order.id,
      kind: "PLAN",
      dataBytes: plan.dataMb === null ? null : BigInt(plan.dataMb) * MB,
      voiceSeconds: plan.voiceMinutes * 60,
      days: plan.days,
      occurredAt: paidAt,
      reason: "plan purchased",
    });
    esims.push(esim);
  }
  await transitionOrder(tx, { id: order.id }, "PAID", "FULFILLED", { fulfilledAt: paidAt });
  return esims;
}

// applyLifecycleEvent: a step the state table allows, validity from the first enable, the phone's
// EID from the download, and the transition in the eSIM's history.
export async function reportLifecycle(
  tx: Tx,
  esim: ReplayedEsim,
  event: LifecycleEvent,
  source: string,
  at: Date,
): Promise<Standing> {
  const current = await tx.esimProfile.findUniqueOrThrow({
    where: { id: esim.id },
    select: { state: true, validFrom: true, validUntil: true, packageDays: true, plan: { select: { days: true } } },
  });
  const to = nextState(current.state, event);
  if (!to) throw new Error(`${event} cannot follow ${current.state}`);
  const days = current.packageDays > 0 ? current.packageDays : current.plan.days;
  const validity = to === "ENABLED" && !current.validFrom ? validityWindow(at, days) : null;
  const device = event === "download" ? { eid: simulatedDeviceEid() } : null;
  await tx.esimProfile.update({ where: { id: esim.id }, data: { state: to, ...validity, ...device } });
  await tx.esimEvent.create({
    data: { esimId: esim.id, fromState: current.state, toState: to, source, createdAt: at },
  });
  return { state: to, validUntil: validity?.validUntil ?? current.validUntil };
}

type Balances = Awaited<ReturnType<typeof packageBalances>>;

// raiseBalanceAlerts as of `at`, for data packs (no fair-use throttle): each package's data
// thresholds, and the expiry warnings on the newest package, once each.
async function raiseAlerts(tx: Tx, esim: ReplayedEsim, at: Date, packages: Balances, validUntil: Date | null) {
  const alerts = packages.flatMap((pkg) => dataAlertsFor(pkg).map((kind) => ({ packageId: pkg.id, kind })));
  const newest = packages.at(-1);
  if (newest) alerts.push(...expiryAlertsFor(validUntil, at).map((kind) => ({ packageId: newest.id, kind })));
  if (alerts.length === 0) return;
  await tx.balanceAlert.createMany({
    data: alerts.map((alert) => ({ ...alert, esimId: esim.id, userId: esim.userId, period: "", createdAt: at })),
    skipDuplicates: true,
  });
}

export type Usage = { recordId: string; at: Date; receivedAt: Date; dataBytes: bigint; voiceSeconds: number };

// recordUsage as a carrier reports through the API: the first traffic of an installed profile
// enables it, the record is debited oldest package first, and the alerts it crosses are raised.
export async function recordUsage(tx: Tx, esim: ReplayedEsim, usage: Usage, before: Standing): Promise<Standing> {
  const { state, validUntil } =
    before.state === "INSTALLED" ? await reportLifecycle(tx, esim, "enable", "network", usage.at) : before;
  if (state !== "ENABLED" || (validUntil && usage.at > validUntil))
    throw new Error(`usage at ${usage.at.toISOString()} would be refused (${state})`);

  await tx.usageRecord.create({
    data: {
      esimId: esim.id,
      recordId: usage.recordId,
      dataBytes: usage.dataBytes,
      voiceSeconds: usage.voiceSeconds,
      occurredAt: usage.at,
      receivedAt: usage.receivedAt,
      source: "api",
    },
  });
  const packages = await packageBalances(tx, esim.id);
  const byPackage = new Map<string, { dataBytes: bigint; voiceSeconds: number }>();
  for (const { packageId, amount } of allocateDebit(packages, usage.dataBytes, "data").allocations)
    byPackage.set(packageId, { dataBytes: amount, voiceSeconds: 0 });
  for (const { packageId, amount } of allocateDebit(packages, BigInt(usage.voiceSeconds), "voice").allocations) {
    const entry = byPackage.get(packageId) ?? { dataBytes: 0n, voiceSeconds: 0 };
    byPackage.set(packageId, { ...entry, voiceSeconds: Number(amount) });
  }
  await appendLedger(
    tx,
    esim.id,
    [...byPackage].map(([packageId, amounts]) => ({
      packageId,
      kind: "USAGE" as const,
      dataBytes: -amounts.dataBytes,
      voiceSeconds: -amounts.voiceSeconds,
      reason: "network usage",
      source: usage.recordId,
      occurredAt: usage.at,
    })),
  );
  // The balances the ledger now sums to, without reading them back.
  const after = packages.map((pkg) => {
    const debit = byPackage.get(pkg.id);
    return debit
      ? {
          ...pkg,
          usedBytes: pkg.usedBytes + debit.dataBytes,
          usedVoiceSeconds: pkg.usedVoiceSeconds + debit.voiceSeconds,
        }
      : pkg;
  });
  await raiseAlerts(tx, esim, usage.at, after, validUntil);
  return { state, validUntil };
}

// startTopUp and fulfilment with applyTopUp, for an eSIM whose plan is running: the pack's data
// as a package of its own, its days after the current end.
export async function topUp(
  tx: Tx,
  buyer: Buyer,
  esim: ReplayedEsim,
  { packSlug, at }: { packSlug: string; at: Date },
  before: Standing,
): Promise<Standing> {
  const pack = await tx.topUpPack.findUniqueOrThrow({ where: { slug: packSlug } });
  const target = await tx.esimProfile.findUniqueOrThrow({ where: { id: esim.id }, select: { carrierCode: true } });
  const { validUntil } = before;
  if (pack.carrierCode !== target.carrierCode || !validUntil || validUntil <= at)
    throw new Error(`${packSlug} is not a top-up for a running eSIM of its carrier`);
  const { order, paidAt } = await paidOrder(
    tx,
    buyer,
    {
      kind: "TOPUP",
      esimId: esim.id,
      topUpPackId: pack.id,
      quantity: 1,
      unitAmount: pack.priceAmount,
      subtotalAmount: pack.priceAmount,
      totalAmount: pack.priceAmount,
      currency: pack.currency,
    },
    `Top-up ${pack.slug}`,
    {
      successPath: `/${buyer.locale}/checkout/success`,
      cancelPath: `/${buyer.locale}/esims/${esim.id}?topup=cancelled`,
    },
    at,
  );
  await credit(tx, {
    esimId: esim.id,
    orderId: order.id,
    kind: "TOP_UP",
    topUpPackId: pack.id,
    dataBytes: BigInt(pack.dataMb) * MB,
    voiceSeconds: 0,
    days: pack.daysAdded,
    occurredAt: paidAt,
    reason: "top-up purchased",
  });
  const extended = new Date(validUntil.getTime() + pack.daysAdded * DAY);
  await tx.esimProfile.update({ where: { id: esim.id }, data: { validUntil: extended } });
  await transitionOrder(tx, { id: order.id }, "PAID", "FULFILLED", { fulfilledAt: paidAt });
  return { ...before, validUntil: extended };
}

// The expiry sweep runs every five minutes: a warning is raised at the first run after it is due.
const SWEEP_MS = 5 * MINUTE;
const WARNING_DAYS = [3, 1];

// What the scheduled jobs did for this eSIM between two moments of its history: the expiry
// warnings (raiseDueExpiryAlerts, for an enabled eSIM not yet ended), and the lapse of what was
// left once validity ended (lapseEndedBalances, dated at the end like lapseIfEnded).
export async function runScheduledJobs(
  tx: Tx,
  esim: ReplayedEsim,
  { state, validUntil }: Standing,
  from: Date | null,
  to: Date,
) {
  if (!validUntil) return;
  if (state === "ENABLED") {
    for (const days of WARNING_DAYS) {
      const sweep = new Date(Math.ceil((validUntil.getTime() - days * DAY) / SWEEP_MS) * SWEEP_MS);
      if ((!from || sweep > from) && sweep <= to && sweep < validUntil)
        await raiseAlerts(tx, esim, sweep, await packageBalances(tx, esim.id), validUntil);
    }
  }
  if (validUntil < to) await lapseRemainingBalance(tx, esim.id, validUntil);
}
