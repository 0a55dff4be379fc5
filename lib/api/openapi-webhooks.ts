import { z } from "zod";
import { webhookEndpointBody, webhookEndpointPatch, webhookReplayBody, webhookTestBody } from "../validation/webhooks";
import {
  envelopeSchema,
  eventDataSchemas,
  VERIFICATION_EVENT_TYPE,
  verificationDataSchema,
  WEBHOOK_EVENT_TYPES,
} from "../webhooks/event-types";
import {
  errorResponse,
  idempotencyKeyParameter,
  jsonResponse,
  pageOf,
  pageParameters,
  rateLimited,
  ref,
  unauthorized,
} from "./openapi-common";

// The webhook part of the OpenAPI document: the endpoint-management paths and, as OpenAPI 3.1
// `webhooks`, every payload Tabi sends. Payload schemas come from the zod schemas each event's
// data is checked against when it is made, so the document cannot drift from what is sent.
const jsonSchema = (schema: z.ZodType, io: "input" | "output" = "output") => {
  const { $schema, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" });
  return rest;
};

const json = (schema: object) => ({ "application/json": { schema } });
const error = (description: string) => errorResponse(description);
const withBudget = (description: string, schema: object) => jsonResponse(description, schema);

const idParameter = { name: "id", in: "path", required: true, schema: { type: "string" } };
const notFound = error("No webhook endpoint with this id in the token owner's account (`not_found`).");
const saveRefusals = {
  "409": error(
    "The account has its maximum of endpoints (`limit_reached`); or the Idempotency-Key was used with other parameters (`idempotency_key_reused`) or its first request is still running (`idempotency_key_in_progress`).",
  ),
  "422": error(
    "The URL may not be used: not http(s), private or internal address (`destination_refused`); or the verification request was not answered 2xx (`verification_failed`).",
  ),
};

const endpointSchema = {
  type: "object",
  required: [
    "id",
    "url",
    "description",
    "event_types",
    "enabled",
    "disabled_reason",
    "previous_secret_expires_at",
    "created_at",
  ],
  properties: {
    id: { type: "string" },
    url: { type: "string", format: "uri" },
    description: { type: "string" },
    event_types: { type: "array", items: { enum: [...WEBHOOK_EVENT_TYPES] } },
    enabled: { type: "boolean" },
    disabled_reason: {
      enum: ["owner", "gone", "failing", null],
      description: "Disabled by its owner, by a 410 answer, or after failing for 5 days.",
    },
    previous_secret_expires_at: {
      type: ["string", "null"],
      format: "date-time",
      description: "While a rotation overlaps: when the previous secret stops signing.",
    },
    created_at: { type: "string", format: "date-time" },
  },
};

const deliverySchema = {
  type: "object",
  required: ["id", "event_id", "event_type", "status", "next_attempt_at", "created_at", "attempts"],
  properties: {
    id: { type: "string" },
    event_id: { type: "string", description: "The `webhook-id` header of every attempt." },
    event_type: { type: "string" },
    status: { enum: ["pending", "succeeded", "failed"] },
    next_attempt_at: { type: ["string", "null"], format: "date-time" },
    created_at: { type: "string", format: "date-time" },
    attempts: {
      type: "array",
      items: {
        type: "object",
        required: ["number", "attempted_at", "http_status", "duration_ms", "response_excerpt"],
        properties: {
          number: { type: "integer" },
          attempted_at: { type: "string", format: "date-time" },
          http_status: { type: ["integer", "null"], description: "Null when there was no answer." },
          duration_ms: { type: "integer" },
          response_excerpt: { type: "string" },
        },
      },
    },
  },
};

const signedHeaders = ["webhook-id", "webhook-timestamp", "webhook-signature"].map((name) => ({
  name,
  in: "header",
  required: true,
  schema: { type: "string" },
}));

const webhook = (type: string, data: z.ZodType, summary: string) => ({
  post: {
    summary,
    description:
      "Signed by the Standard Webhooks spec (verify with the `standardwebhooks` package and the endpoint's `whsec_` secret). Answer 2xx; anything else is retried immediately, after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h and 24 h. 410 disables the endpoint.",
    parameters: signedHeaders,
    requestBody: { required: true, content: json(jsonSchema(envelopeSchema(type, data))) },
    responses: { "200": { description: "Received." } },
  },
});

const SUMMARIES: Record<(typeof WEBHOOK_EVENT_TYPES)[number], string> = {
  "order.fulfilled": "An order was paid and delivered (eSIMs issued, or a top-up credited).",
  "order.refunded": "An order's payment was given back, in full or in part: the order's status says which.",
  "esim.downloaded": "The profile was downloaded to a phone.",
  "esim.installed": "The profile was installed on the phone.",
  "esim.enabled": "First use on the network: validity starts.",
  "esim.suspended": "The profile was disabled.",
  "esim.usage_threshold": "A package reached 75 %, 90 % or 100 % of its data used, or an unlimited plan was throttled.",
  "esim.expiring": "Validity ends within 3 days, or within 1 day.",
  "esim.expired": "Validity ended.",
  "topup.applied": "A top-up was credited to the eSIM.",
};

export const webhookOpenApiWebhooks = {
  ...Object.fromEntries(
    WEBHOOK_EVENT_TYPES.map((type) => [type, webhook(type, eventDataSchemas[type], SUMMARIES[type])]),
  ),
  [VERIFICATION_EVENT_TYPE]: webhook(
    VERIFICATION_EVENT_TYPE,
    verificationDataSchema,
    "Sent when an endpoint is saved; it is kept only if this is answered 2xx.",
  ),
};

export const webhookOpenApiSchemas = { WebhookEndpoint: endpointSchema, WebhookDelivery: deliverySchema };

const list = (item: string) => ({
  type: "object",
  required: ["data"],
  properties: { data: { type: "array", items: ref(item) } },
});

export const webhookOpenApiPaths = {
  "/webhook-endpoints": {
    get: {
      operationId: "listWebhookEndpoints",
      summary: "The account's webhook endpoints",
      responses: {
        "200": withBudget("The endpoints.", list("WebhookEndpoint")),
        "401": unauthorized,
        "429": rateLimited,
      },
    },
    post: {
      operationId: "createWebhookEndpoint",
      parameters: [idempotencyKeyParameter],
      summary: "Add an endpoint (a signed verification request must be answered 2xx)",
      requestBody: { required: true, content: json(jsonSchema(webhookEndpointBody, "input")) },
      responses: {
        "201": withBudget("Created. `secret` is shown this once.", {
          allOf: [
            ref("WebhookEndpoint"),
            { type: "object", required: ["secret"], properties: { secret: { type: "string", pattern: "^whsec_" } } },
          ],
        }),
        "400": error("The body breaks a rule (`invalid_request`)."),
        "401": unauthorized,
        "429": rateLimited,
        ...saveRefusals,
      },
    },
  },
  "/webhook-endpoints/{id}": {
    parameters: [idParameter],
    get: {
      operationId: "getWebhookEndpoint",
      summary: "One endpoint",
      responses: {
        "200": withBudget("The endpoint.", ref("WebhookEndpoint")),
        "401": unauthorized,
        "429": rateLimited,
        "404": notFound,
      },
    },
    patch: {
      operationId: "updateWebhookEndpoint",
      summary: "Change the URL (verified again), events, description, or turn it off and on",
      requestBody: { required: true, content: json(jsonSchema(webhookEndpointPatch, "input")) },
      responses: {
        "200": withBudget("Updated.", ref("WebhookEndpoint")),
        "400": error("The body breaks a rule (`invalid_request`)."),
        "401": unauthorized,
        "429": rateLimited,
        "404": notFound,
        ...saveRefusals,
      },
    },
    delete: {
      operationId: "deleteWebhookEndpoint",
      summary: "Delete the endpoint and its delivery log",
      responses: {
        "204": { description: "Deleted." },
        "401": unauthorized,
        "404": notFound,
        "429": rateLimited,
      },
    },
  },
  "/webhook-endpoints/{id}/rotate-secret": {
    parameters: [idParameter],
    post: {
      operationId: "rotateWebhookSecret",
      parameters: [idempotencyKeyParameter],
      summary: "A new secret; the previous one also signs for 24 hours",
      responses: {
        "200": withBudget("The new secret, shown this once.", {
          type: "object",
          required: ["secret"],
          properties: { secret: { type: "string", pattern: "^whsec_" } },
        }),
        "401": unauthorized,
        "429": rateLimited,
        "404": notFound,
      },
    },
  },
  "/webhook-endpoints/{id}/test": {
    parameters: [idParameter],
    post: {
      operationId: "sendTestWebhook",
      parameters: [idempotencyKeyParameter],
      summary: "Send a sample event of any type to this endpoint",
      requestBody: { required: true, content: json(jsonSchema(webhookTestBody, "input")) },
      responses: {
        "202": withBudget("Queued.", {
          type: "object",
          required: ["event_id", "delivery_id"],
          properties: { event_id: { type: "string" }, delivery_id: { type: "string" } },
        }),
        "401": unauthorized,
        "429": rateLimited,
        "404": notFound,
      },
    },
  },
  "/webhook-endpoints/{id}/deliveries": {
    parameters: [idParameter],
    get: {
      operationId: "listWebhookDeliveries",
      summary: "The endpoint's delivery log, newest first, a page at a time",
      parameters: pageParameters,
      responses: {
        "200": withBudget("The deliveries.", pageOf("WebhookDelivery")),
        "400": error("`limit` or `cursor` is not valid (`invalid_request`)."),
        "401": unauthorized,
        "404": notFound,
        "429": rateLimited,
      },
    },
  },
  "/webhook-endpoints/{id}/deliveries/{deliveryId}/resend": {
    parameters: [idParameter, { name: "deliveryId", in: "path", required: true, schema: { type: "string" } }],
    post: {
      operationId: "resendWebhookDelivery",
      parameters: [idempotencyKeyParameter],
      summary: "One more attempt of this delivery, now",
      responses: {
        "202": withBudget("Queued.", {
          type: "object",
          required: ["status"],
          properties: { status: { const: "queued" } },
        }),
        "401": unauthorized,
        "429": rateLimited,
        "404": error("No such delivery in the account (`not_found`)."),
        "409": error("The endpoint is disabled (`endpoint_disabled`)."),
      },
    },
  },
  "/webhook-endpoints/{id}/replay": {
    parameters: [idParameter],
    post: {
      operationId: "replayFailedWebhooks",
      parameters: [idempotencyKeyParameter],
      summary: "Send again every delivery that failed since a moment",
      requestBody: { required: true, content: json(jsonSchema(webhookReplayBody, "input")) },
      responses: {
        "202": withBudget("Queued.", {
          type: "object",
          required: ["queued"],
          properties: { queued: { type: "integer" } },
        }),
        "401": unauthorized,
        "429": rateLimited,
        "404": notFound,
        "409": error("The endpoint is disabled (`endpoint_disabled`)."),
      },
    },
  },
};
