import "server-only";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { localSessionForPage } from "@/lib/payments/local-checkout";
import { checkoutSessionIdSchema } from "@/lib/validation/checkout";

// The pages of one local checkout session, for its buyer only: another user gets a 404.
export async function buyersLocalSession(sessionId: string, returnTo: string) {
  const user = await requireUser(returnTo);
  const session = checkoutSessionIdSchema.safeParse(sessionId).success ? await localSessionForPage(sessionId) : null;
  if (!session || session.order.userId !== user.id) notFound();
  return session;
}
