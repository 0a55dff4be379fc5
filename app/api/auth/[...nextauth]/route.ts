import { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { clientIp } from "@/lib/auth/client-ip";
import { loginRetryAfter } from "@/lib/auth/login-rate-limit";
import { readBoundedBody } from "@/lib/http/bounded-body";
import { emailSchema } from "@/lib/validation/auth";
import { validOrUndefined } from "@/lib/validation/parse";

// Auth.js's own routes, for anyone: sign-in, sign-out, the session and the CSRF token.
export const { GET } = handlers;

// Auth.js's posts are a CSRF token, an address, a password and a callback path: well under this.
const MAX_AUTH_BODY_BYTES = 8 * 1024;

// Auth.js reads the body itself, whatever its size, so the handler is given a copy made from
// bytes that were counted first.
async function boundedRequest(request: NextRequest): Promise<NextRequest | null> {
  const body = await readBoundedBody(request, MAX_AUTH_BODY_BYTES);
  if (body.status === "too_large") return null;
  return new NextRequest(request.url, { method: request.method, headers: request.headers, body: body.bytes });
}

// Direct credential posts are refused with 429 while the account or address is locked out,
// before Auth.js verifies anything.
async function lockedOut(request: NextRequest): Promise<Response | null> {
  if (!request.nextUrl.pathname.endsWith("/callback/credentials")) return null;
  const form = await request
    .clone()
    .formData()
    .catch(() => null);
  const email = validOrUndefined(emailSchema, form?.get("email"));
  if (!email) return null;
  const retryAfterSeconds = await loginRetryAfter({ ip: clientIp(request.headers), email });
  if (retryAfterSeconds <= 0) return null;
  return Response.json(
    { error: "rate_limited", message: "Too many failed login attempts.", retryAfterSeconds },
    { status: 429, headers: { "Retry-After": String(retryAfterSeconds) } },
  );
}

export async function POST(request: NextRequest) {
  const bounded = await boundedRequest(request);
  if (!bounded) {
    return Response.json({ error: "body_too_large", message: "The body must be at most 8 kB." }, { status: 413 });
  }
  return (await lockedOut(bounded)) ?? handlers.POST(bounded);
}
