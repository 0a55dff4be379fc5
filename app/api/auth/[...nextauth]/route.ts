import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { clientIp } from "@/lib/auth/client-ip";
import { loginRetryAfter } from "@/lib/auth/login-rate-limit";
import { emailSchema } from "@/lib/validation/auth";
import { validOrUndefined } from "@/lib/validation/parse";

export const { GET } = handlers;

// Direct credential posts are refused with 429 while the account or address is locked out,
// before Auth.js verifies anything.
export async function POST(request: NextRequest) {
  if (request.nextUrl.pathname.endsWith("/callback/credentials")) {
    const form = await request
      .clone()
      .formData()
      .catch(() => null);
    const email = validOrUndefined(emailSchema, form?.get("email"));
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
