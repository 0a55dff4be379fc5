import { MAX_QUANTITY } from "../orders/pricing";
import { usageRecordBody } from "../validation/api";
import { apiOrderBody, apiTopUpBody } from "../validation/api-orders";
import { scenarioSchema } from "../validation/scenarios";
import { lifecycleEventSchema } from "../validation/esim";
import {
  bodyTooLarge,
  errorResponse,
  esimNotFound,
  iccidParameter,
  nullableInstant,
  idempotencyConflict,
  idempotencyKeyParameter,
  invalidRequest,
  jsonBody,
  jsonResponse,
  pageOf,
  pageParameters,
  rateLimited,
  rateLimitHeaders,
  ref,
  unauthorized,
} from "./openapi-common";
import { schemas } from "./openapi-schemas";
import { webhookOpenApiPaths, webhookOpenApiSchemas, webhookOpenApiWebhooks } from "./openapi-webhooks";
import { TOKEN_BUDGET, USAGE_READ_BUDGET } from "./rate-limit-budgets";

const replayed = {
  "Idempotent-Replayed": {
    description: "`true` when this is the kept answer to an earlier request with the same Idempotency-Key.",
    schema: { const: "true" },
  },
};

// A POST's answer may be a replay of the first one with the same key.
const postResponse = (description: string, schema: unknown) => ({
  description,
  headers: { ...rateLimitHeaders, ...replayed },
  content: { "application/json": { schema } },
});

const usageResponse = (description: string) => jsonResponse(description, ref("Usage"));
const orderCreated = postResponse(
  "The order. With `payment: checkout` it is `pending` and `checkout_url` is where the end user pays; with `payment: test_card` it is paid and `fulfilled` at once.",
  ref("Order"),
);
const cardDeclined = errorResponse(
  "Sandbox only: the test card was declined (`card_declined`, with `decline_code`); the order stays unpaid and can still be paid at `checkout_url`.",
);
const paymentFieldsDescription = `Pay with \`payment: "checkout"\` (the default): the answer's \`checkout_url\` is where the end user pays; follow the order with GET /orders/{ref}. In the sandbox (the local test-mode checkout, never with a real Stripe key) \`payment: "test_card"\` pays at once with a named Stripe test card, through the same checkout as a browser, so a scripted test needs no browser. Send an Idempotency-Key so a retry never orders twice.`;

export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Tabi eSIM API",
    version: "1.1.0",
    description: `Browse the catalog, order eSIMs and top-ups for the account, read their usage, report usage records the way a carrier does, and report what the phone does with a profile (download, install, enable) to script an install. Create a personal API token on the API tokens page of your account and send it as \`Authorization: Bearer <token>\`. Times are Japan Standard Time (+09:00); data is in bytes, voice in seconds, money in the currency's minor units.

Rate limits: ${TOKEN_BUDGET.points} requests a minute per token, and usage reads ${USAGE_READ_BUDGET.points} a minute per eSIM, counted across every server. Every answer to a valid token carries \`RateLimit-Limit\`, \`RateLimit-Remaining\`, \`RateLimit-Reset\` and \`RateLimit-Policy\`; over a budget the answer is 429 with \`Retry-After\`.

Lists answer a page: \`data\`, \`has_more\` and \`next_cursor\`; send \`cursor\` (and \`limit\`, 1–100, 20 by default) for the next one.

Every POST takes an optional \`Idempotency-Key\` header (Stripe's semantics): the first answer is kept for 24 hours and replayed to every retry with that key; the same key with other parameters is a 409.`,
  },
  servers: [{ url: "/api/v1" }],
  security: [{ bearerAuth: [] }],
  paths: {
    "/plans": {
      get: {
        operationId: "listPlans",
        summary: "The plans on sale now, with prices, running sales and top-up packs, newest first",
        parameters: pageParameters,
        responses: {
          "200": jsonResponse("A page of plans.", pageOf("Plan")),
          "400": invalidRequest("`limit` or `cursor` is not valid"),
          "401": unauthorized,
          "429": rateLimited,
        },
      },
    },
    "/plans/{id}": {
      parameters: [
        {
          name: "id",
          in: "path",
          required: true,
          description: "The plan's id (its slug).",
          schema: { type: "string", pattern: "^[a-z0-9-]{1,80}$" },
          example: "au-1gb-3d",
        },
      ],
      get: {
        operationId: "getPlan",
        summary: "One plan on sale now",
        responses: {
          "200": jsonResponse("The plan.", ref("Plan")),
          "401": unauthorized,
          "404": errorResponse("No plan with this id is on sale (`not_found`)."),
          "429": rateLimited,
        },
      },
    },
    "/orders": {
      get: {
        operationId: "listOrders",
        summary: "The account's orders (eSIMs and top-ups), newest first",
        parameters: pageParameters,
        responses: {
          "200": jsonResponse("A page of orders.", pageOf("Order")),
          "400": invalidRequest("`limit` or `cursor` is not valid"),
          "401": unauthorized,
          "429": rateLimited,
        },
      },
      post: {
        operationId: "createOrder",
        summary: "Order eSIMs of a plan",
        description: `Priced on the server as the shop's own checkout prices it: the plan's price or running sale, buy-one-get-one, and the optional promo code. At most ${MAX_QUANTITY} eSIMs an order. ${paymentFieldsDescription}`,
        parameters: [idempotencyKeyParameter],
        requestBody: jsonBody(apiOrderBody),
        responses: {
          "201": orderCreated,
          "400": errorResponse(
            "The body breaks a rule (`invalid_request`), the plan is not on sale (`plan_unavailable`), or the promo code cannot be used (`promo_code_refused`, with `reason`). `test_card` outside the sandbox is `invalid_request`.",
          ),
          "401": unauthorized,
          "402": cardDeclined,
          "409": idempotencyConflict,
          "413": bodyTooLarge,
          "429": rateLimited,
          "503": errorResponse(
            "No payment method can take this order now (`payment_unavailable`); nothing was charged.",
          ),
        },
      },
    },
    "/orders/{ref}": {
      parameters: [
        {
          name: "ref",
          in: "path",
          required: true,
          description: "The order's reference.",
          schema: { type: "string", pattern: "^TB-[A-Z0-9]{8}$" },
          example: "TB-4F9K2Q7X",
        },
      ],
      get: {
        operationId: "getOrder",
        summary: "One of the account's orders",
        responses: {
          "200": jsonResponse(
            "The order; `checkout_url` while it waits for payment at an open checkout.",
            ref("Order"),
          ),
          "401": unauthorized,
          "404": errorResponse("No order with this reference in the token owner's account (`not_found`)."),
          "429": rateLimited,
        },
      },
    },
    "/esims": {
      get: {
        operationId: "listEsims",
        summary: "Usage of every eSIM in the account (deleted ones left out), newest first",
        parameters: pageParameters,
        responses: {
          "200": jsonResponse("A page of the account's eSIMs.", pageOf("Usage")),
          "400": invalidRequest("`limit` or `cursor` is not valid"),
          "401": unauthorized,
          "429": rateLimited,
        },
      },
    },
    "/esims/{iccid}/usage": {
      parameters: [iccidParameter],
      get: {
        operationId: "getUsage",
        summary: "One eSIM's usage",
        description: `Besides the token's budget, reads of one eSIM are limited to ${USAGE_READ_BUDGET.points} a minute (as at Airalo): the figures change only as usage records arrive.`,
        responses: {
          "200": usageResponse("The eSIM's usage."),
          "401": unauthorized,
          "404": esimNotFound,
          "429": rateLimited,
        },
      },
      post: {
        operationId: "reportUsage",
        summary: "Report a usage record",
        description:
          "Debits the eSIM's balance, oldest package first. Report `data_bytes` or `voice_seconds` (or both) greater than 0. The `record_id` is the carrier's id for the record: sending the same id again counts it once, so a retry is always safe. An installed eSIM's first record is its first use on the network and starts its validity.",
        parameters: [idempotencyKeyParameter],
        requestBody: jsonBody(usageRecordBody),
        responses: {
          "201": postResponse("Recorded; the eSIM's usage afterwards.", ref("Usage")),
          "200": postResponse("A record with this `record_id` was already received; nothing was counted again.", {
            type: "object",
            required: ["duplicate", "usage"],
            properties: { duplicate: { const: true }, usage: ref("Usage") },
          }),
          "400": invalidRequest("The body is not valid JSON or breaks a rule"),
          "401": unauthorized,
          "404": esimNotFound,
          "413": bodyTooLarge,
          "429": errorResponse(
            "Over a budget, or too many records for one eSIM are waiting to be applied (`rate_limited`); retry after the `Retry-After` seconds.",
          ),
          "409": errorResponse(
            "The eSIM cannot take usage: not enabled on the network (`esim_not_active`), the record falls after its validity ended (`esim_expired`), or support suspended the eSIM (`esim_suspended`); or an Idempotency-Key conflict.",
          ),
        },
      },
    },
    "/esims/{iccid}/events": {
      parameters: [iccidParameter],
      post: {
        operationId: "reportLifecycleEvent",
        summary: "Report what the phone or network did with the eSIM",
        description:
          "The profile moves `released → downloaded → installed → enabled`, can be `disabled` and enabled again, or `deleted` for good. A download binds the profile to the phone that made it: send its `eid` (32 digits, valid check digits), or leave it out and a simulated phone is used; the profile cannot be downloaded again. The first `enable` is the first use on a Japanese network and starts the validity. Deleting cannot be undone.",
        parameters: [idempotencyKeyParameter],
        requestBody: jsonBody(lifecycleEventSchema),
        responses: {
          "200": postResponse("Applied; the eSIM's usage afterwards.", ref("Usage")),
          "400": errorResponse(
            "The body is not valid JSON, names an unknown event, or carries an invalid `eid` (`invalid_request`).",
          ),
          "401": unauthorized,
          "404": esimNotFound,
          "413": bodyTooLarge,
          "429": rateLimited,
          "409": errorResponse(
            "The step does not follow from the eSIM's state, e.g. installing a deleted eSIM or downloading it twice (`invalid_transition`); or an Idempotency-Key conflict.",
          ),
          "503": errorResponse(
            "A download while the carrier's SM-DP+ does not answer (the scenario simulator's outage): nothing changed, try again after `Retry-After` (`smdp_unavailable`).",
          ),
        },
      },
    },
    "/esims/{iccid}/topups": {
      parameters: [iccidParameter],
      get: {
        operationId: "listTopUps",
        summary: "Top-up packs for this eSIM, and whether they can be bought now",
        description:
          "Only the eSIM's own carrier's packs (a handful, so not paged). Top-ups are sold while the plan runs and for 7 days after it ends, never for a deleted eSIM.",
        responses: {
          "200": jsonResponse("The packs and the top-up window.", {
            type: "object",
            required: ["data", "window"],
            properties: { data: { type: "array", items: ref("TopUp") }, window: ref("TopUpWindow") },
          }),
          "401": unauthorized,
          "404": esimNotFound,
          "429": rateLimited,
        },
      },
      post: {
        operationId: "createTopUp",
        summary: "Order a top-up pack for this eSIM",
        description: `The dashboard's rules: only the eSIM's carrier's packs, while its top-up window is open; checked again when it is paid (a top-up that can no longer be credited is refunded). ${paymentFieldsDescription}`,
        parameters: [idempotencyKeyParameter],
        requestBody: jsonBody(apiTopUpBody),
        responses: {
          "201": orderCreated,
          "400": invalidRequest("The body breaks a rule or names no pack on sale"),
          "401": unauthorized,
          "402": cardDeclined,
          "404": esimNotFound,
          "409": errorResponse(
            "The pack cannot be bought for this eSIM (`topup_unavailable`, with `reason`: wrong_carrier, deleted, grace_over); or an Idempotency-Key conflict.",
          ),
          "413": bodyTooLarge,
          "429": rateLimited,
          "503": errorResponse(
            "No payment method can take this order now (`payment_unavailable`); nothing was charged.",
          ),
        },
      },
    },
    ...webhookOpenApiPaths,
    // The scenario simulator (outside production only).
    "/esims/{iccid}/scenarios": {
      parameters: [iccidParameter],
      post: {
        operationId: "startScenario",
        parameters: [idempotencyKeyParameter],
        summary: "Start a QA scenario on the eSIM (sandbox and test deployments only)",
        description:
          "Scripted network behaviour, played out over time through the job queue and the shop's own paths (usage records, the profile's state table, fulfilment), on the sandbox's clock: `SANDBOX_TIME_SCALE` times faster than real time. `usage_stream` uses `mb` over `hours` (1–72), one usage record every 15 minutes. `dead_zone` reports nothing for `minutes` (5–1440), then delivers the zone's `mb` in one late batch dated when the traffic happened, so `as_of` lags and then catches up. `smdp_outage` makes the eSIM's carrier's SM-DP+ unavailable to the account for `minutes` (1–1440): eSIM orders paid meanwhile stay paid with their eSIMs “preparing” and are issued by a retrying job once it answers; downloads answer 503 `smdp_unavailable`. `profile_deleted` is the phone reporting the profile removed (the state table decides: 409 once deleted). `mb` is 1–102400. Production answers 404.",
        requestBody: jsonBody(scenarioSchema),
        responses: {
          "202": postResponse("Started; `ends_at` is when its last effect is due.", {
            type: "object",
            required: ["id", "type", "started_at", "ends_at", "records", "profile_state"],
            properties: {
              id: { type: "string" },
              type: { enum: ["usage_stream", "dead_zone", "smdp_outage", "profile_deleted"] },
              started_at: nullableInstant("When the scenario started."),
              ends_at: nullableInstant("When its last record, late batch or the outage's end is due."),
              records: {
                type: ["integer", "null"],
                description: "How many usage records it will deliver; null for scenarios without usage.",
              },
              profile_state: {
                enum: ["released", "downloaded", "installed", "enabled", "disabled", "deleted", "revoked"],
              },
            },
          }),
          "400": errorResponse(
            "The body is not valid JSON, names an unknown `type`, or a number out of its range (`invalid_request`).",
          ),
          "401": unauthorized,
          "404": errorResponse(
            "No eSIM with this ICCID in the token owner's account, or a production deployment (`not_found`).",
          ),
          "409": errorResponse(
            "Traffic on an eSIM that is not installed (`esim_not_active`) or that support suspended (`esim_suspended`), or deleting a deleted profile (`invalid_transition`); or an Idempotency-Key conflict.",
          ),
          "413": bodyTooLarge,
          "429": rateLimited,
        },
      },
    },
  },
  webhooks: webhookOpenApiWebhooks,
  components: {
    securitySchemes: {
      bearerAuth: {
        type: "http",
        scheme: "bearer",
        description: "A personal API token, `tabi_` followed by 43 characters.",
      },
    },
    schemas: { ...webhookOpenApiSchemas, ...schemas },
  },
};
