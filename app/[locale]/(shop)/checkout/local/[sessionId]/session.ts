import "server-only";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { localSessionForPage } from "@/lib/payments/local-checkout";
import { checkoutSessionIdSchema } from "@/lib/validation/checkout";
import { validOrUndefined } from "@/lib/validation/parse";

// The pages of one local checkout session, for its buyer only: another user gets a 404.
export async function buyersLocalSession(sessionId: string, returnTo: string) {
  const user = await requireUser(returnTo);
  const valid = validOrUndefined(checkoutSessionIdSchema, sessionId);
  const session = valid ? await localSessionForPage(valid) : null;
  if (!session || session.order.userId !== user.id) notFound();
  return session;
}
