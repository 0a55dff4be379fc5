import "server-only";
import type { Order, Prisma } from "@prisma/client";
import { creditPackage } from "../balance/ledger";
import { MB } from "../balance/rules";
import { activationTokenFields, enqueueActivationEmail } from "./activation";
import { generateIccid, newActivationCode, SMDP_ADDRESSES } from "./identifiers";

type OrderToIssue = Pick<Order, "id" | "userId" | "planId" | "quantity">;

// The simulated SM-DP+ releases one profile per eSIM bought, each with its activation email.
// Runs inside the fulfilment transaction; the (orderId, sequence) key makes a second issue for
// the same order fail.
export async function issueProfiles(tx: Prisma.TransactionClient, order: OrderToIssue) {
  if (!order.planId) throw new Error(`Order ${order.id} has no plan to issue`);
  const plan = await tx.plan.findUniqueOrThrow({
    where: { id: order.planId },
    select: { carrierCode: true, dataMb: true, voiceMinutes: true, days: true },
  });
  const smdpAddress = SMDP_ADDRESSES[plan.carrierCode];
  const tokens: string[] = [];
  const profiles = Array.from({ length: order.quantity }, (_, index) => {
    const { token, fields } = activationTokenFields();
    tokens.push(token);
    return {
      ...fields,
      orderId: order.id,
      sequence: index + 1,
      userId: order.userId,
      planId: order.planId!,
      carrierCode: plan.carrierCode,
      iccid: generateIccid(plan.carrierCode),
      smdpAddress,
      ...newActivationCode(smdpAddress),
    };
  });
  const created = await tx.esimProfile.createManyAndReturn({ data: profiles, select: { id: true, sequence: true } });
  for (const { id, sequence } of created) {
    await creditPackage(tx, {
      esimId: id,
      orderId: order.id,
      kind: "PLAN",
      dataBytes: plan.dataMb === null ? null : BigInt(plan.dataMb) * MB,
      voiceSeconds: plan.voiceMinutes * 60,
      days: plan.days,
      occurredAt: new Date(),
      reason: "plan purchased",
    });
    await enqueueActivationEmail(tx, id, tokens[sequence - 1]!);
  }
  return created;
}
