import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { env } from "../env";
import { log } from "../log";
import { loginSchema } from "../validation/auth";
import { clientIp } from "./client-ip";
import { verifyCredentials } from "./credentials";
import { sessionIsCurrent } from "./session-revocation";

export class LoginRateLimited extends CredentialsSignin {
  override code = "rate_limited";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  session: { strategy: "jwt" },
  // Auth.js's own redirects land here; the proxy adds the visitor's language.
  pages: { signIn: "/login" },
  // Auth.js builds its URLs and checks callback URLs against AUTH_URL's origin (required in
  // production, lib/env.ts) and only without it against the request's Host header, which is
  // trusted here for development and sandboxes.
  trustHost: true,
  callbacks: {
    // Every session read passes here (pages, actions, route handlers, /api/auth/session), so
    // this is the one place that ends sessions revoked by a password change or "sign out of
    // all devices"; null makes Auth.js treat the visitor as signed out and clear the cookie.
    // An "update" trigger changes nothing: a client can ask for one with a stolen token.
    async jwt({ token, user }) {
      if (user) return { ...token, signedInAt: Date.now() };
      return (await sessionIsCurrent(token)) ? token : null;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
  secret: env().AUTH_SECRET,
  logger: {
    // A wrong password is an expected outcome, not an error worth a stack trace.
    error(error) {
      if (!(error instanceof CredentialsSignin)) log.error({ err: error }, "auth error");
    },
    warn(code) {
      log.warn({ code }, "auth warning");
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = loginSchema.safeParse(raw);
        if (!parsed.success) return null;
        const result = await verifyCredentials(parsed.data, clientIp(request.headers));
        if (result.status === "rate_limited") throw new LoginRateLimited();
        return result.status === "ok" ? result.user : null;
      },
    }),
  ],
});
