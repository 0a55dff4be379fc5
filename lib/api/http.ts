import "server-only";
import type { z } from "zod";
import { auth } from "../auth/auth";
import { DatabaseUnavailableError, isDatabaseUnavailable } from "../db/errors";
import { env } from "../env";
import { bodyText, readBoundedBody } from "../http/bounded-body";
import { log } from "../log";
import { MAX_JSON_BODY_BYTES } from "../validation/api";
import { idempotently } from "./idempotent-request";
import { type Budget, rateLimitHeaders, type Spent, spendBudget, TOKEN_BUDGET } from "./rate-limits";
import { apiError, bodyTooLarge, serviceUnavailable } from "./responses";
import { apiCallerFor } from "./tokens";

export {
  apiError,
  apiJson,
  esimNotFound,
  SERVICE_UNAVAILABLE_RETRY_SECONDS,
  serviceUnavailable,
  SMDP_RETRY_SECONDS,
  smdpUnavailable,
} from "./responses";

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

// Anything unexpected still answers in the JSON error shape instead of Next's HTML error page;
// a database that is away answers 503, which promises nothing was changed.
async function answeringFailures(request: Request, run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    const where = { method: request.method, path: new URL(request.url).pathname };
    if (isDatabaseUnavailable(error)) {
      log.warn({ ...where, err: error }, "API request refused: the database is unavailable");
      return serviceUnavailable();
    }
    log.error({ ...where, err: error }, "API request failed");
    return apiError(500, "internal_error", "Something went wrong on our side. Try again.");
  }
}

// Who is asking comes first, then the handler.
function authenticated<Params>(
  identify: (request: Request) => Promise<{ userId: string } | { response: Response }>,
  handler: AuthenticatedHandler<Params>,
) {
  return (request: Request, context: RouteContext<Params>): Promise<Response> =>
    answeringFailures(request, async () => {
      const caller = await identify(request);
      if ("response" in caller) return caller.response;
      return handler(request, caller.userId, await context.params);
    });
}

// A budget a route spends from besides the token's, and whose it is (an eSIM's, for usage).
// The key includes the account, so nobody can spend another account's budget.
type RouteBudget<Params> = { budget: Budget; key: (params: Params) => string };
const budgetKey = (userId: string, key: string) => `${userId}:${key.slice(0, 100)}`;

function withHeaders(response: Response, headers: Record<string, string>): Response {
  const merged = new Headers(response.headers);
  for (const [name, value] of Object.entries(headers)) merged.set(name, value);
  return new Response(response.body, { status: response.status, headers: merged });
}

const overBudget = ({ budget, resetSeconds }: Spent) =>
  apiError(
    429,
    "rate_limited",
    `Over the budget of ${budget.points} requests in ${budget.windowSeconds} s; retry after the Retry-After seconds.`,
    { "retry-after": String(resetSeconds) },
  );

// Every v1 route: an integrator's bearer token, the token's rate limit (and the route's own
// budget), then Idempotency-Key on POSTs, in one place so that every route keeps the same
// rules. Every answer to a valid token carries the RateLimit headers, a throttled one included.
export function withApiToken<Params>(handler: AuthenticatedHandler<Params>, budget?: RouteBudget<Params>) {
  return (request: Request, context: RouteContext<Params>): Promise<Response> =>
    answeringFailures(request, async () => {
      const authorization = request.headers.get("authorization");
      const caller = await apiCallerFor(authorization);
      if (!caller) return unauthorized(authorization !== null);
      const params = await context.params;

      const spent = [await spendBudget(TOKEN_BUDGET, caller.tokenId)];
      if (spent[0]!.allowed && budget)
        spent.push(await spendBudget(budget.budget, budgetKey(caller.userId, budget.key(params))));
      const refused = spent.find((one) => !one.allowed);
      const response = refused
        ? overBudget(refused)
        : await idempotently(request, caller.userId, (sent) =>
            answeringFailures(sent, () => handler(sent, caller.userId, params)),
          );
      return withHeaders(response, rateLimitHeaders(spent));
    });
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
    const session = await auth();
    if (session?.unavailable) throw new DatabaseUnavailableError();
    const userId = session?.user?.id;
    return userId ? { userId } : { response: apiError(401, "unauthenticated", "Log in first.") };
  }, handler);
}
