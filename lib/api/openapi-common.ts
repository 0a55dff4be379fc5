import { z } from "zod";
import { IDEMPOTENCY_KEY_MAX_LENGTH, MAX_JSON_BODY_BYTES, MAX_PAGE_LIMIT, DEFAULT_PAGE_LIMIT } from "../validation/api";
import { TOKEN_BUDGET, USAGE_READ_BUDGET } from "./rate-limit-budgets";

// Pieces every path of the OpenAPI document shares.

// The request body's schema comes from the zod schema the route validates with, so the two
// cannot drift apart. (Refinements, like "not all zero", are stated in the description.)
export function requestSchema(schema: z.ZodType) {
  const { $schema, ...jsonSchema } = z.toJSONSchema(schema, {
    io: "input",
    // The date-time format says it; zod's long regex would only clutter the reference.
    override: ({ jsonSchema: node }) => {
      if (node.format === "date-time") delete node.pattern;
    },
  });
  return jsonSchema;
}

export const jsonBody = (schema: z.ZodType) => ({
  required: true,
  content: { "application/json": { schema: requestSchema(schema) } },
});

export const nullableInstant = (description: string) => ({
  type: ["string", "null"],
  format: "date-time",
  description: `${description} Japan time, with the +09:00 offset.`,
  examples: ["2026-12-07T23:59:59+09:00"],
});

export const iccidParameter = {
  name: "iccid",
  in: "path",
  required: true,
  description: "The eSIM's ICCID (19 or 20 digits, starting 8981).",
  schema: { type: "string", pattern: "^8981\\d{15,16}$" },
  example: "8981100022152967705",
};

export const pageParameters = [
  {
    name: "limit",
    in: "query",
    description: `How many items a page holds, 1 to ${MAX_PAGE_LIMIT}.`,
    schema: { type: "integer", minimum: 1, maximum: MAX_PAGE_LIMIT, default: DEFAULT_PAGE_LIMIT },
  },
  {
    name: "cursor",
    in: "query",
    description: "The `next_cursor` of the previous page; leave it out for the first page. Opaque: do not build one.",
    schema: { type: "string", pattern: "^[A-Za-z0-9_-]{1,200}$" },
  },
];

export const idempotencyKeyParameter = {
  name: "Idempotency-Key",
  in: "header",
  description: `Optional; up to ${IDEMPOTENCY_KEY_MAX_LENGTH} visible ASCII characters (a UUID v4 is a good choice). The first answer to a request with this key is kept for 24 hours and replayed, with \`Idempotent-Replayed: true\`, to every retry with the same key, so a retry never buys twice. The same key with other parameters answers 409 \`idempotency_key_reused\`; while the first request runs, a retry answers 409 \`idempotency_key_in_progress\`. Answers 400, 413 and 429 and 503 are not kept: the request did nothing, and may be sent again with the key.`,
  schema: { type: "string", minLength: 1, maxLength: IDEMPOTENCY_KEY_MAX_LENGTH, pattern: "^[\\x21-\\x7e]+$" },
};

const budgets = `${TOKEN_BUDGET.points} requests a minute per token; usage reads ${USAGE_READ_BUDGET.points} a minute per eSIM`;

const integer = (description: string) => ({ description, required: true, schema: { type: "integer", minimum: 0 } });

// IETF draft-ietf-httpapi-ratelimit-headers, on every answer to a valid token.
export const rateLimitHeaders = {
  "RateLimit-Limit": integer("The budget nearest to running out: requests allowed in its window."),
  "RateLimit-Remaining": integer("Requests left in that budget's window."),
  "RateLimit-Reset": integer("Seconds until that budget's window starts again."),
  "RateLimit-Policy": {
    description: `Every budget this request spent from, as \`points;w=seconds\` (${budgets}).`,
    required: true,
    schema: { type: "string", examples: ["100;w=60, 10;w=60"] },
  },
};

export const errorResponse = (description: string, extraHeaders: Record<string, unknown> = {}) => ({
  description,
  headers: { ...rateLimitHeaders, ...extraHeaders },
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});

export const jsonResponse = (description: string, schema: unknown) => ({
  description,
  headers: rateLimitHeaders,
  content: { "application/json": { schema } },
});

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

export const pageOf = (item: string) => ({
  type: "object",
  required: ["data", "has_more", "next_cursor"],
  properties: {
    data: { type: "array", items: ref(item) },
    has_more: { type: "boolean", description: "Whether another page follows." },
    next_cursor: { type: ["string", "null"], description: "Send as `cursor` for the next page; null on the last." },
  },
});

// A 401 answers before the token is known, so it carries no budget.
export const unauthorized = {
  description:
    "Missing (`missing_token`), or invalid, expired or revoked (`invalid_token`) API token. Tokens are revoked when the account's password is changed or reset, when it logs out of all devices, and when its email address is restored.",
  content: { "application/json": { schema: ref("Error") } },
};
export const esimNotFound = errorResponse("No eSIM with this ICCID in the token owner's account (`not_found`).");
export const bodyTooLarge = errorResponse(`The body is over ${MAX_JSON_BODY_BYTES / 1024} kB (\`body_too_large\`).`);
export const invalidRequest = (what: string) => errorResponse(`${what} (\`invalid_request\`); the message says which.`);
export const rateLimited = errorResponse(
  "Over a budget (`rate_limited`): wait the `Retry-After` seconds. " + budgets + ".",
  { "Retry-After": integer("Seconds to wait before sending again.") },
);
export const idempotencyConflict = errorResponse(
  "The Idempotency-Key was used with other parameters (`idempotency_key_reused`), or its first request is still running (`idempotency_key_in_progress`, with `Retry-After`).",
);
