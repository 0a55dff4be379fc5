import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface Session {
    user: { id: string } & DefaultSession["user"];
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    // When this session signed in (ms since the epoch); kept through every refresh of the token.
    signedInAt?: number;
    // Which session this is (lib/auth/ended-sessions.ts); kept through every refresh of the token.
    sessionId?: string;
  }
}
