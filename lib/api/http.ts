import "server-only";
import type { z } from "zod";
import { auth } from "../auth/auth";
import { isDatabaseUnavailable } from "../db/errors";
import { env } from "../env";
import { bodyText, readBoundedBody } from "../http/bounded-body";
import { log } from "../log";
import { MAX_JSON_BODY_BYTES } from "../validation/api";
import type { ApiErrorCode } from "./error-codes";
import { userIdForAuthorization } from "./tokens";

// Balances change with every usage record; no cache may keep one.
const NO_STORE = { "cache-control": "no-store" };

// The site's own session routes have a few more; integrators only ever see ApiErrorCode.
type ErrorCode = ApiErrorCode | "unauthenticated" | "cross_origin" | "unsupported_media_type";

export function apiJson(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: NO_STORE });
}

export function apiError(
  status: number,
  code: ErrorCode,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return Response.json({ error: { code, message } }, { status, headers: { ...NO_STORE, ...headers } });
}

// A passing outage (the database is down or restarting): nothing was changed, and the same
// request may be sent again after the wait.
export const SERVICE_UNAVAILABLE_RETRY_SECONDS = 5;
export const serviceUnavailable = () =>
  apiError(503, "service_unavailable", "The service is briefly unavailable. Nothing was changed; try again shortly.", {
    "retry-after": String(SERVICE_UNAVAILABLE_RETRY_SECONDS),
  });

// The simulated SM-DP+ does not answer (a scenario simulator outage): the phone tries again.
export const SMDP_RETRY_SECONDS = 30;
export const smdpUnavailable = () =>
  apiError(503, "smdp_unavailable", "The carrier's SM-DP+ is not answering. Nothing was changed; try again shortly.", {
    "retry-after": String(SMDP_RETRY_SECONDS),
  });

// The same answer for an eSIM that does not exist and one that belongs to someone else.
export const esimNotFound = () => apiError(404, "not_found", "No eSIM with this ICCID in your account.");

const bodyTooLarge = () =>
  apiError(413, "body_too_large", `The body must be at most ${MAX_JSON_BODY_BYTES / 1024} kB.`);

export type BodyResult<Body> = { status: "valid"; body: Body } | { status: "refused"; response: Response };

// The request's JSON body checked against its schema, or the 400/413 answer to send instead.
export async function jsonBody<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
): Promise<BodyResult<z.output<Schema>>> {
  const body = await readBoundedBody(request, MAX_JSON_BODY_BYTES);
  if (body.status === "too_large") return { status: "refused", response: bodyTooLarge() };
  let json: unknown;
  try {
    json = JSON.parse(bodyText(body.bytes));
  } catch {
    return { status: "refused", response: apiError(400, "invalid_request", "The body must be valid JSON.") };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "The request body is not valid.";
    return { status: "refused", response: apiError(400, "invalid_request", message) };
  }
  return { status: "valid", body: parsed.data };
}

const REALM = 'Bearer realm="Tabi eSIM API"';

function unauthorized(presented: boolean): Response {
  return presented
    ? apiError(401, "invalid_token", "The API token is not valid, has expired or has been revoked.", {
        "www-authenticate": `${REALM}, error="invalid_token"`,
      })
    : apiError(401, "missing_token", "Send an API token in the header Authorization: Bearer <token>.", {
        "www-authenticate": REALM,
      });
}

type RouteContext<Params> = { params: Promise<Params> };
type AuthenticatedHandler<Params> = (request: Request, userId: string, params: Params) => Promise<Response>;

// Who is asking comes first, then the handler. Anything unexpected still answers in the JSON
// error shape instead of Next's HTML error page.
function authenticated<Params>(
  identify: (request: Request) => Promise<{ userId: string } | { response: Response }>,
  handler: AuthenticatedHandler<Params>,
) {
  return async (request: Request, context: RouteContext<Params>): Promise<Response> => {
    try {
      const caller = await identify(request);
      if ("response" in caller) return caller.response;
      return await handler(request, caller.userId, await context.params);
    } catch (error) {
      const where = { method: request.method, path: new URL(request.url).pathname };
      if (isDatabaseUnavailable(error)) {
        log.warn({ ...where, err: error }, "API request refused: the database is unavailable");
        return serviceUnavailable();
      }
      log.error({ ...where, err: error }, "API request failed");
      return apiError(500, "internal_error", "Something went wrong on our side. Try again.");
    }
  };
}

// Every v1 route: an integrator's bearer token.
export function withApiToken<Params>(handler: AuthenticatedHandler<Params>) {
  return authenticated(async (request) => {
    const authorization = request.headers.get("authorization");
    const userId = await userIdForAuthorization(authorization);
    return userId ? { userId } : { response: unauthorized(authorization !== null) };
  }, handler);
}

const READ_ONLY_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

// The browser sends the session cookie with a request whichever site's page makes it, so a
// request that changes something must show it comes from one of ours (CSRF). A browser names
// the page's origin in Origin on every cross-origin POST, and every current browser also says
// in Sec-Fetch-Site where it came from, so a missing Origin is accepted only from a client that
// sends neither: not a browser (curl, a script), which has no victim's cookie to ride on. Only
// JSON is accepted, which no HTML form can send and no other site's script can send without a
// CORS preflight that this app never grants.
function crossSiteRefusal(request: Request): Response | null {
  if (READ_ONLY_METHODS.has(request.method)) return null;
  const origin = request.headers.get("origin");
  const fetchSite = request.headers.get("sec-fetch-site");
  const ours =
    origin === null ? fetchSite === null || fetchSite === "same-origin" : origin === new URL(env().APP_URL).origin;
  if (!ours) return apiError(403, "cross_origin", "Only the site's own pages may send this request.");
  const mediaType = request.headers.get("content-type")?.split(";")[0]!.trim().toLowerCase();
  if (mediaType !== "application/json") {
    return apiError(415, "unsupported_media_type", "Send the body as JSON, with Content-Type: application/json.");
  }
  return null;
}

// Routes the site's own pages call: the signed-in visitor's session cookie, on a request from
// the site's own origin.
export function withSession<Params>(handler: AuthenticatedHandler<Params>) {
  return authenticated(async (request) => {
    const refusal = crossSiteRefusal(request);
    if (refusal) return { response: refusal };
    const userId = (await auth())?.user?.id;
    return userId ? { userId } : { response: apiError(401, "unauthenticated", "Log in first.") };
  }, handler);
}
