import "server-only";
import { notFound } from "next/navigation";
import { currentUserId, redirectToLogin, requireUser } from "@/lib/auth/session";
import { findByActivationToken } from "@/lib/esim/activation";

// Which eSIM a form acts on, and for whom: by id for the signed-in owner (a visitor whose session
// ended is sent to log in first), or by the activation link's token, which works on a phone that
// is not signed in — but not for another signed-in account, which gets the same 404 as a bad token.
// What only the owner may do (`ownerOnly`) sends a visitor holding just the link to log in, and
// back to the link.
export async function esimOfForm(
  target: { esimId?: string; token?: string },
  locale: string,
  { ownerOnly }: { ownerOnly: boolean },
): Promise<{ esimId: string; userId: string; path: string; via: "account" | "activation-link" }> {
  if (target.esimId) {
    const user = await requireUser(`/esims/${target.esimId}`);
    return { esimId: target.esimId, userId: user.id, path: `/${locale}/esims/${target.esimId}`, via: "account" };
  }
  const found = await findByActivationToken(target.token ?? "");
  const visitor = await currentUserId();
  if (found.status !== "ok" || (visitor && visitor !== found.userId)) notFound();
  if (ownerOnly && !visitor) return redirectToLogin(`/activate/${target.token}`);
  return {
    esimId: found.esimId,
    userId: found.userId,
    path: `/${locale}/activate/${target.token}`,
    via: "activation-link",
  };
}
