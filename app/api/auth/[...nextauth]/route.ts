import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { clientIp } from "@/lib/auth/client-ip";
import { loginRetryAfter } from "@/lib/auth/login-rate-limit";
import { emailSchema } from "@/lib/validation/auth";
import { validOrUndefined } from "@/lib/validation/parse";

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

// Anyone may post here (Auth.js's own routes). Direct credential posts are refused with 429
// while the account or address is locked out, before Auth.js verifies anything.
export async function POST(request: NextRequest) {
  if (request.nextUrl.pathname.endsWith("/callback/credentials")) {
    const email = validOrUndefined(emailSchema, (await postedFields(request)).email);
    if (email) {
      const retryAfterSeconds = await loginRetryAfter({ ip: clientIp(request.headers), email });
      if (retryAfterSeconds > 0) {
        return Response.json(
          { error: "rate_limited", message: "Too many failed login attempts.", retryAfterSeconds },
          { status: 429, headers: { "Retry-After": String(retryAfterSeconds) } },
        );
      }
    }
  }
  return handlers.POST(request);
}
