import "server-only";
import { getLocale } from "next-intl/server";
import { cache } from "react";
import { DatabaseUnavailableError } from "../db/errors";
import { redirect } from "../i18n/navigation";
import { accountById } from "./account";
import { auth } from "./auth";

// Several parts of one page ask who is signed in (the page, the verification banner, …); each
// request decrypts the session and reads the user once (the session check reads it too, through
// the same cached accountById).
// While the database is unreachable a page cannot say who is signed in, so it fails (the error
// page asks to try again) rather than sending a signed-in visitor to the login form.
export const currentUserId = cache(async (): Promise<string | undefined> => {
  const session = await auth();
  if (session?.unavailable) throw new DatabaseUnavailableError();
  return session?.user?.id;
});

export const currentUser = cache(async () => {
  const userId = await currentUserId();
  return userId ? accountById(userId) : null;
});

// For pages behind a login; `returnTo` (without the language) is where the login sends the
// visitor afterwards. A session that ended (expired, revoked) lands here past the proxy, which
// only sees that a cookie exists, so the address matches the proxy's own redirect.
export async function requireUser(returnTo: string) {
  const user = await currentUser();
  return user ?? redirectToLogin(returnTo);
}

export async function redirectToLogin(returnTo: string): Promise<never> {
  const locale = await getLocale();
  return redirect({ href: { pathname: "/login", query: { callbackUrl: `/${locale}${returnTo}` } }, locale });
}
