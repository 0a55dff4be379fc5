import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { isDatabaseUnavailable } from "../db/errors";
import { env } from "../env";
import { log } from "../log";
import { loginSchema } from "../validation/auth";
import { clientIp } from "./client-ip";
import { verifyCredentials } from "./credentials";
import { endSession, newSessionId, SESSION_MAX_AGE_SECONDS } from "./ended-sessions";
import { currentAccountOf, staffClaimsOf } from "./session-revocation";

export class LoginRateLimited extends CredentialsSignin {
  override code = "rate_limited";
}

export class AccountLocked extends CredentialsSignin {
  override code = "account_locked";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  // Auth.js's own redirects land here; the proxy adds the visitor's language.
  pages: { signIn: "/login" },
  // Auth.js builds its URLs and checks callback URLs against AUTH_URL's origin (required in
  // production, lib/env.ts) and only without it against the request's Host header, which is
  // trusted here for development and sandboxes.
  trustHost: true,
  callbacks: {
    // Every session read passes here (pages, actions, route handlers, /api/auth/session), so
    // this is the one place that ends sessions revoked by a password change or "sign out of
    // all devices", and logged-out sessions whose cookie was copied; null makes Auth.js treat
    // the visitor as signed out and clear the cookie.
    // An "update" trigger changes nothing: a client can ask for one with a stolen token.
    // A staff account's role and second factor are read again each time, so a demotion or a
    // new session takes effect at once; the console trusts nothing else (lib/admin/guard.ts).
    // While the database is unreachable nothing can be checked: the cookie is kept as it was
    // (an outage signs nobody out), but the session vouches for nobody until it answers again.
    async jwt({ token, user }) {
      if (user) return { ...token, signedInAt: Date.now(), sessionId: newSessionId() };
      const { unverified: _lastTime, ...claims } = token;
      try {
        const account = await currentAccountOf(claims);
        if (!account) return null;
        return { ...claims, ...(await staffClaimsOf(account, claims)) };
      } catch (error) {
        if (isDatabaseUnavailable(error)) return { ...claims, role: "CUSTOMER", secondFactor: false, unverified: true };
        throw error;
      }
    },
    session({ session, token }) {
      if (token.unverified) session.unavailable = true;
      else if (token.sub) session.user.id = token.sub;
      session.user.role = token.role ?? "CUSTOMER";
      session.user.secondFactor = token.secondFactor === true;
      // A staff session's second factor is recorded against its id (lib/admin/second-factor.ts).
      if (token.role && token.role !== "CUSTOMER") session.sessionId = token.sessionId;
      return session;
    },
  },
  events: {
    // Every logout passes here (the logout action, "Log out of all devices", Auth.js's own
    // /api/auth/signout), so a copy of the cookie stops working with the browser's own.
    async signOut(message) {
      const sessionId = "token" in message ? message.token?.sessionId : undefined;
      if (sessionId) await endSession(sessionId);
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
        if (result.status === "locked") throw new AccountLocked();
        return result.status === "ok" ? result.user : null;
      },
    }),
  ],
});
