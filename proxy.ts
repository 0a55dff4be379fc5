import NextAuth from "next-auth";
import createIntlMiddleware from "next-intl/middleware";
import { authConfig } from "./lib/auth/config";
import { routing } from "./lib/i18n/routing";

const intl = createIntlMiddleware(routing);
const { auth } = NextAuth(authConfig);

const LOGIN_REQUIRED = ["/account"];

function needsLogin(pathname: string): { locale: string } | null {
  const [, locale = "", ...rest] = pathname.split("/");
  if (!(routing.locales as readonly string[]).includes(locale)) return null;
  const path = `/${rest.join("/")}`;
  const guarded = LOGIN_REQUIRED.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
  return guarded ? { locale } : null;
}

export default auth((request) => {
  const guarded = needsLogin(request.nextUrl.pathname);
  if (guarded && !request.auth) {
    const returnTo = request.nextUrl.pathname + request.nextUrl.search;
    const query = new URLSearchParams({ callbackUrl: returnTo });
    // Relative, so the login cookie stays on the host name the visitor used.
    return new Response(null, {
      status: 307,
      headers: { Location: `/${guarded.locale}/login?${query}` },
    });
  }
  return intl(request);
});

export const config = {
  // Everything but API routes, Next internals and files with an extension.
  matcher: "/((?!api|_next|_vercel|.*\\..*).*)",
};
