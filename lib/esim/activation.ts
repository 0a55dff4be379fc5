import "server-only";
import type { Prisma } from "@prisma/client";
import { expiresAfter, hashToken, isExpired, looksLikeToken, newToken } from "../accounts/tokens";
import { db } from "../db/client";
import { enqueueEmail } from "../email/outbox";
import { ACTIVATION_LINK_DAYS } from "../email/token-lifetimes";
import { postgresLimiter, spend } from "../rate-limit";
import { type RateLimited, rateLimited } from "../result";
import { newActivationCode } from "./identifiers";

const resendsByEsim = postgresLimiter("activation_resend", 3, 60 * 60);

export function activationTokenFields() {
  const { token, hash } = newToken();
  return {
    token,
    fields: { activationTokenHash: hash, activationTokenExpiresAt: expiresAfter(ACTIVATION_LINK_DAYS * 86_400_000) },
  };
}

const esimForEmail = {
  id: true,
  iccid: true,
  smdpAddress: true,
  matchingId: true,
  activationCode: true,
  plan: { select: { dataMb: true, days: true, carrier: { select: { name: true } } } },
  user: { select: { id: true, name: true, email: true, locale: true } },
} satisfies Prisma.EsimProfileSelect;

type EsimForEmail = Prisma.EsimProfileGetPayload<{ select: typeof esimForEmail }>;

// Inside the caller's transaction, with the token just written to the profile. It goes to the
// account's address unless support typed a corrected one (`to`).
export async function enqueueActivationEmail(tx: Prisma.TransactionClient, esimId: string, token: string, to?: string) {
  const esim: EsimForEmail = await tx.esimProfile.findUniqueOrThrow({ where: { id: esimId }, select: esimForEmail });
  await enqueueEmail(tx, {
    userId: esim.user.id,
    to: to ?? esim.user.email,
    locale: esim.user.locale,
    template: "esim-activation",
    payload: {
      name: esim.user.name,
      plan: { carrierName: esim.plan.carrier.name, dataMb: esim.plan.dataMb, days: esim.plan.days },
      iccid: esim.iccid,
      smdpAddress: esim.smdpAddress,
      matchingId: esim.matchingId,
      activationCode: esim.activationCode,
      token,
    },
  });
}

export type ActivationLookup =
  | { status: "ok"; esimId: string; userId: string }
  | { status: "expired"; esimId: string; userId: string }
  | { status: "unknown" };

export async function findByActivationToken(token: string): Promise<ActivationLookup> {
  if (!looksLikeToken(token)) return { status: "unknown" };
  const esim = await db.esimProfile.findUnique({
    where: { activationTokenHash: hashToken(token) },
    select: { id: true, userId: true, activationTokenExpiresAt: true },
  });
  if (!esim) return { status: "unknown" };
  const found = { esimId: esim.id, userId: esim.userId };
  return isExpired(esim.activationTokenExpiresAt) ? { status: "expired", ...found } : { status: "ok", ...found };
}

// A new link replaces the old one, so a forwarded or leaked email stops working. While no phone
// has downloaded the profile, the SM-DP+ also gives it a new matching ID, so the old email's QR
// code and activation code stop installing too; the change is in the eSIM's history, from
// `source`. Once downloaded, the code is bound to that phone and the email repeats it. The
// new code is conditional on the profile still being released, so a download racing the
// resend keeps the code it downloaded with.
// Support may send it to another address than the account's (`to`, a typo in the address the
// customer cannot fix without the email), and write their audit entry in its transaction
// (`alsoInTransaction`), so the entry and the queued email land together.
export type ResendOptions = {
  to?: string;
  alsoInTransaction?: (tx: Prisma.TransactionClient) => Promise<void>;
};

export async function resendActivationEmail(
  esimId: string,
  userId: string,
  source: string,
  { to, alsoInTransaction }: ResendOptions = {},
): Promise<{ status: "sent" | "not_found" | "deleted" | "revoked" } | RateLimited> {
  const esim = await db.esimProfile.findFirst({
    where: { id: esimId, userId },
    select: { id: true, state: true, smdpAddress: true },
  });
  if (!esim) return { status: "not_found" };
  if (esim.state === "DELETED") return { status: "deleted" };
  if (esim.state === "REVOKED") return { status: "revoked" };
  const retryAfterSeconds = await spend(resendsByEsim, esim.id);
  if (retryAfterSeconds > 0) return rateLimited(retryAfterSeconds);
  const { token, fields } = activationTokenFields();
  // Conditional on the state, so a profile deleted or revoked since it was read gets no email.
  return db.$transaction(async (tx) => {
    const { count: reissued } = await tx.esimProfile.updateMany({
      where: { id: esim.id, state: "RELEASED" },
      data: { ...fields, ...newActivationCode(esim.smdpAddress) },
    });
    if (reissued) {
      await tx.esimEvent.create({ data: { esimId: esim.id, fromState: "RELEASED", toState: "RELEASED", source } });
    } else {
      const { count } = await tx.esimProfile.updateMany({
        where: { id: esim.id, state: { notIn: ["DELETED", "REVOKED"] } },
        data: fields,
      });
      if (count === 0) {
        const { state } = await tx.esimProfile.findUniqueOrThrow({ where: { id: esim.id }, select: { state: true } });
        return { status: state === "DELETED" ? ("deleted" as const) : ("revoked" as const) };
      }
    }
    await enqueueActivationEmail(tx, esim.id, token, to);
    await alsoInTransaction?.(tx);
    return { status: "sent" as const };
  });
}
