import type { NextAuthConfig } from "next-auth";

// The part of the Auth.js configuration the proxy needs to read a session: no providers,
// no database access.
export const authConfig = {
  session: { strategy: "jwt" },
  // Auth.js's own redirects land here; the proxy adds the visitor's language.
  pages: { signIn: "/login" },
  trustHost: true,
  providers: [],
  callbacks: {
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
} satisfies NextAuthConfig;
