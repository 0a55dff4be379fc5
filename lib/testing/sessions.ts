import { NextRequest } from "next/server";
import { GET } from "@/app/api/auth/[...nextauth]/route";
import { headersFromPeer } from "./client-headers";

const ORIGIN = "http://127.0.0.1:3000";

// Auth.js's CSRF token, and the cookies to send with it (the browser's own, if any, first).
async function csrfFor(browserCookie?: string) {
  const csrf = await GET(new NextRequest(`${ORIGIN}/api/auth/csrf`));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  return { csrfToken, cookie: [browserCookie, ...cookies].filter(Boolean).join("; ") };
}

// A post to the credentials callback from a browser at `ip`, with Auth.js's CSRF token and
// cookie: a form post, or the same fields as JSON.
export async function credentialsPost(email: string, password: string, ip: string, as: "form" | "json" = "form") {
  const { csrfToken, cookie } = await csrfFor();
  const fields = { email, password, csrfToken, callbackUrl: "/en/account" };
  return new NextRequest(`${ORIGIN}/api/auth/callback/credentials`, {
    method: "POST",
    headers: headersFromPeer(ip, {
      "content-type": as === "json" ? "application/json" : "application/x-www-form-urlencoded",
      cookie,
    }),
    body: as === "json" ? JSON.stringify(fields) : new URLSearchParams(fields),
  });
}

// Auth.js's own logout form post, from the browser holding the session cookie.
export async function signOutPost(sessionCookie: string) {
  const { csrfToken, cookie } = await csrfFor(sessionCookie);
  return new NextRequest(`${ORIGIN}/api/auth/signout`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ csrfToken, callbackUrl: "/en" }),
  });
}

// The session cookie ("name=value") a response sets, or undefined when it sets none.
export function sessionCookieOf(response: Response): string | undefined {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.startsWith("authjs.session-token="));
}

// What the browser's /api/auth/session asks: the session, or null when signed out.
export async function sessionFor(cookie: string) {
  const response = await GET(new NextRequest(`${ORIGIN}/api/auth/session`, { headers: { cookie } }));
  return { session: (await response.json()) as { user?: { id: string; email: string } } | null, response };
}
