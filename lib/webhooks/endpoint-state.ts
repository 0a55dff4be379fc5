import "server-only";
import type { Prisma } from "@prisma/client";
import { enqueueEmail } from "../email/outbox";

export type DisabledReason = "owner" | "gone" | "failing";

// Stops deliveries to the endpoint. When the app disabled it (the receiver answered 410, or has
// failed for days), the owner is told by email, since their integration has stopped hearing.
export async function disableEndpoint(
  tx: Prisma.TransactionClient,
  endpointId: string,
  reason: DisabledReason,
  at = new Date(),
) {
  const { count } = await tx.webhookEndpoint.updateMany({
    where: { id: endpointId, disabledAt: null },
    data: { disabledAt: at, disabledReason: reason },
  });
  if (count === 0 || reason === "owner") return;
  const endpoint = await tx.webhookEndpoint.findUniqueOrThrow({
    where: { id: endpointId },
    select: { url: true, user: { select: { id: true, name: true, email: true, locale: true } } },
  });
  await enqueueEmail(tx, {
    userId: endpoint.user.id,
    to: endpoint.user.email,
    locale: endpoint.user.locale,
    template: "webhook-endpoint-disabled",
    payload: { name: endpoint.user.name, url: endpoint.url, reason, disabledAt: at.toISOString() },
  });
}
