import type { Role } from "@prisma/client";
import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface Session {
    // role and secondFactor are read from the database on every session check (auth.ts).
    user: { id: string; role: Role; secondFactor: boolean } & DefaultSession["user"];
    // Only on a staff member's session.
    sessionId?: string;
    // The database could not be reached to check the session: nobody is signed in for now.
    unavailable?: true;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    // When this session signed in (ms since the epoch); kept through every refresh of the token.
    signedInAt?: number;
    // Which session this is (lib/auth/ended-sessions.ts); kept through every refresh of the token.
    sessionId?: string;
    // Set on every session check from the account, not kept from the cookie (auth.ts).
    role?: Role;
    secondFactor?: boolean;
    // The last check could not reach the database (auth.ts); dropped at the next one that does.
    unverified?: true;
  }
}
