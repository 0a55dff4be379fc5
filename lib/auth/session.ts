import "server-only";
import { getLocale } from "next-intl/server";
import { db } from "../db/client";
import { redirect } from "../i18n/navigation";
import { auth } from "./auth";

export async function currentUserId(): Promise<string | undefined> {
  const session = await auth();
  return session?.user?.id;
}

// For pages behind a login; `returnTo` is where the login sends the visitor afterwards.
export async function requireUser(returnTo: string) {
  const userId = await currentUserId();
  const user = userId
    ? await db.user.findUnique({
        where: { id: userId },
        select: { id: true, name: true, email: true, phone: true, locale: true, createdAt: true },
      })
    : null;
  if (!user) {
    return redirect({
      href: { pathname: "/login", query: { callbackUrl: returnTo } },
      locale: await getLocale(),
    });
  }
  return user;
}
