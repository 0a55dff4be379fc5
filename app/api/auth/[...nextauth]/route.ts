import { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { clientIp } from "@/lib/auth/client-ip";
import { loginRetryAfter } from "@/lib/auth/login-rate-limit";
import { readBoundedBody } from "@/lib/http/bounded-body";
import { emailSchema } from "@/lib/validation/auth";
import { validOrUndefined } from "@/lib/validation/parse";

// Auth.js's own routes, for anyone: sign-in, sign-out, the session and the CSRF token.
export const { GET } = handlers;

// The fields of a credentials post, read from the body as Auth.js reads them (JSON or a form),
// so no way of posting credentials that Auth.js accepts escapes the check below.
async function postedFields(request: NextRequest): Promise<Record<string, unknown>> {
  const contentType = request.headers.get("content-type") ?? "";
  if (contentType.includes("application/json")) {
    const json: unknown = await request
      .clone()
      .json()
      .catch(() => null);
    return json && typeof json === "object" ? (json as Record<string, unknown>) : {};
  }
  if (contentType.includes("application/x-www-form-urlencoded")) {
    return Object.fromEntries(new URLSearchParams(await request.clone().text()));
  }
  return {};
}

// Auth.js's posts are a CSRF token, an address, a password and a callback path: well under this.
const MAX_AUTH_BODY_BYTES = 8 * 1024;

// Auth.js reads the body itself, whatever its size, so the handler is given a copy made from
// bytes that were counted first.
async function boundedRequest(request: NextRequest): Promise<NextRequest | null> {
  const body = await readBoundedBody(request, MAX_AUTH_BODY_BYTES);
  if (body.status === "too_large") return null;
  return new NextRequest(request.url, { method: request.method, headers: request.headers, body: body.bytes });
}

// The address a credentials post signs in with, read before Auth.js consumes the body.
async function credentialsEmail(request: NextRequest): Promise<string | undefined> {
  if (!request.nextUrl.pathname.endsWith("/callback/credentials")) return undefined;
  return validOrUndefined(emailSchema, (await postedFields(request)).email);
}

// Direct credential posts (form or JSON) are refused with 429 while the account or address is
// locked out, before Auth.js verifies anything.
async function lockedOut(request: NextRequest, email: string | undefined): Promise<Response | null> {
  if (!email) return null;
  const retryAfterSeconds = await loginRetryAfter({ ip: clientIp(request.headers), email });
  if (retryAfterSeconds <= 0) return null;
  return Response.json(
    { error: "rate_limited", message: "Too many failed login attempts.", retryAfterSeconds },
    { status: 429, headers: { "Retry-After": String(retryAfterSeconds) } },
  );
}

// Auth.js answers a sign-in its authorize step refused as rate limited with a redirect to the
// login page; a post that passed the check above inside a burst of guesses ends there.
function refusedAsRateLimited(response: Response): boolean {
  const location = response.headers.get("location");
  return location !== null && new URL(location, "http://localhost").searchParams.get("code") === "rate_limited";
}

// Anyone may post here (Auth.js's own routes).
export async function POST(request: NextRequest) {
  const bounded = await boundedRequest(request);
  if (!bounded) {
    return Response.json({ error: "body_too_large", message: "The body must be at most 8 kB." }, { status: 413 });
  }
  const email = await credentialsEmail(bounded);
  const refusal = await lockedOut(bounded, email);
  if (refusal) return refusal;
  const answer = await handlers.POST(bounded);
  return refusedAsRateLimited(answer) ? ((await lockedOut(bounded, email)) ?? answer) : answer;
}
