import "server-only";
import type { z } from "zod";
import { log } from "../log";
import type { ApiErrorCode } from "./error-codes";
import { userIdForAuthorization } from "./tokens";

// Balances change with every usage record; no cache may keep one.
const NO_STORE = { "cache-control": "no-store" };

export function apiJson(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: NO_STORE });
}

export function apiError(
  status: number,
  code: ApiErrorCode,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return Response.json({ error: { code, message } }, { status, headers: { ...NO_STORE, ...headers } });
}

// The same answer for an eSIM that does not exist and one that belongs to someone else.
export const esimNotFound = () => apiError(404, "not_found", "No eSIM with this ICCID in your account.");

export function invalidRequest(error: z.ZodError): Response {
  return apiError(400, "invalid_request", error.issues[0]?.message ?? "The request body is not valid.");
}

export async function jsonBody(
  request: Request,
): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  try {
    return { ok: true, body: await request.json() };
  } catch {
    return { ok: false, response: apiError(400, "invalid_request", "The body must be valid JSON.") };
  }
}

const REALM = 'Bearer realm="Tabi eSIM API"';

function unauthorized(presented: boolean): Response {
  return presented
    ? apiError(401, "invalid_token", "The API token is not valid or has been revoked.", {
        "www-authenticate": `${REALM}, error="invalid_token"`,
      })
    : apiError(401, "missing_token", "Send an API token in the header Authorization: Bearer <token>.", {
        "www-authenticate": REALM,
      });
}

type RouteContext<Params> = { params: Promise<Params> };
type AuthenticatedHandler<Params> = (request: Request, userId: string, params: Params) => Promise<Response>;

// Every v1 route: the bearer token first, then the handler. Anything unexpected still answers
// in the API's error shape instead of Next's HTML error page.
export function withApiToken<Params>(handler: AuthenticatedHandler<Params>) {
  return async (request: Request, context: RouteContext<Params>): Promise<Response> => {
    try {
      const authorization = request.headers.get("authorization");
      const userId = await userIdForAuthorization(authorization);
      if (!userId) return unauthorized(authorization !== null);
      return await handler(request, userId, await context.params);
    } catch (error) {
      log.error({ err: error, method: request.method, path: new URL(request.url).pathname }, "API request failed");
      return apiError(500, "internal_error", "Something went wrong on our side. Try again.");
    }
  };
}
