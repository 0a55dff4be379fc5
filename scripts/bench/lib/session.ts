// Signs a traveller in the way Auth.js does after a password check, so load tests measure
// the pages rather than argon2.
import { encode } from "next-auth/jwt";
import { newSessionId } from "../../../lib/auth/ended-sessions";

export const SESSION_COOKIE = "authjs.session-token";

export async function sessionCookie(user: { id: string; email: string; name?: string | null }): Promise<string> {
  const token = await encode({
    // As the jwt callback (lib/auth/auth.ts) writes it at sign-in: a session of its own, from now.
    token: {
      sub: user.id,
      email: user.email,
      name: user.name ?? null,
      signedInAt: Date.now(),
      sessionId: newSessionId(),
    },
    secret: process.env.AUTH_SECRET!,
    salt: SESSION_COOKIE,
  });
  return `${SESSION_COOKIE}=${token}`;
}
