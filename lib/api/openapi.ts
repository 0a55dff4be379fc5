import { z } from "zod";
import { MAX_JSON_BODY_BYTES, usageRecordBody } from "../validation/api";
import { lifecycleEventSchema } from "../validation/esim";
import { scenarioSchema } from "../validation/scenarios";
import { API_ERROR_CODES } from "./error-codes";

// The request body's schema comes from the zod schema the route validates with, so the two
// cannot drift apart. (Refinements, like "not all zero", are stated in the description.)
function requestSchema(schema: z.ZodType) {
  const { $schema, ...jsonSchema } = z.toJSONSchema(schema, {
    io: "input",
    // The date-time format says it; zod's long regex would only clutter the reference.
    override: ({ jsonSchema: node }) => {
      if (node.format === "date-time") delete node.pattern;
    },
  });
  return jsonSchema;
}

const nullableInstant = (description: string) => ({
  type: ["string", "null"],
  format: "date-time",
  description: `${description} Japan time, with the +09:00 offset.`,
  examples: ["2026-12-07T23:59:59+09:00"],
});

const iccidParameter = {
  name: "iccid",
  in: "path",
  required: true,
  description: "The eSIM's ICCID (19 or 20 digits, starting 8981).",
  schema: { type: "string", pattern: "^8981\\d{15,16}$" },
  example: "8981100022152967705",
};

const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});

const unauthorized = errorResponse(
  "Missing (`missing_token`), or invalid, expired or revoked (`invalid_token`) API token. Tokens are revoked when the account's password is changed or reset, when it logs out of all devices, and when its email address is restored.",
);
const notFound = errorResponse("No eSIM with this ICCID in the token owner's account (`not_found`).");
const bodyTooLarge = errorResponse(`The body is over ${MAX_JSON_BODY_BYTES / 1024} kB (\`body_too_large\`).`);

const usageResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Usage" } } },
});

export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Tabi eSIM API",
    version: "1.0.0",
    description:
      "Read the usage of your eSIMs, report usage records the way a carrier does, and report what the phone does with a profile (download, install, enable) to script an install. Create a personal API token on the API tokens page of your account and send it as `Authorization: Bearer <token>`. Times are Japan Standard Time (+09:00); data is in bytes, voice in seconds.",
  },
  servers: [{ url: "/api/v1" }],
  security: [{ bearerAuth: [] }],
  paths: {
    "/esims": {
      get: {
        operationId: "listEsims",
        summary: "Usage of every eSIM in the account (deleted ones left out), newest first",
        responses: {
          "200": {
            description: "The account's eSIMs.",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["data"],
                  properties: { data: { type: "array", items: { $ref: "#/components/schemas/Usage" } } },
                },
              },
            },
          },
          "401": unauthorized,
        },
      },
    },
    "/esims/{iccid}/usage": {
      parameters: [iccidParameter],
      get: {
        operationId: "getUsage",
        summary: "One eSIM's usage",
        responses: { "200": usageResponse("The eSIM's usage."), "401": unauthorized, "404": notFound },
      },
      post: {
        operationId: "reportUsage",
        summary: "Report a usage record",
        description:
          "Debits the eSIM's balance, oldest package first. Report `data_bytes` or `voice_seconds` (or both) greater than 0. The `record_id` is the carrier's id for the record: sending the same id again counts it once, so a retry is always safe. An installed eSIM's first record is its first use on the network and starts its validity.",
        requestBody: { required: true, content: { "application/json": { schema: requestSchema(usageRecordBody) } } },
        responses: {
          "201": usageResponse("Recorded; the eSIM's usage afterwards."),
          "200": {
            description: "A record with this `record_id` was already received; nothing was counted again.",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["duplicate", "usage"],
                  properties: { duplicate: { const: true }, usage: { $ref: "#/components/schemas/Usage" } },
                },
              },
            },
          },
          "400": errorResponse(
            "The body is not valid JSON or breaks a rule (`invalid_request`); the message says which.",
          ),
          "401": unauthorized,
          "404": notFound,
          "413": bodyTooLarge,
          "429": errorResponse(
            "Too many records for one eSIM are waiting to be applied (`rate_limited`); retry after the `Retry-After` seconds.",
          ),
          "409": errorResponse(
            "The eSIM cannot take usage: not enabled on the network (`esim_not_active`), or the record falls after its validity ended (`esim_expired`).",
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
        requestBody: {
          required: true,
          content: { "application/json": { schema: requestSchema(lifecycleEventSchema) } },
        },
        responses: {
          "200": usageResponse("Applied; the eSIM's usage afterwards."),
          "400": errorResponse(
            "The body is not valid JSON, names an unknown event, or carries an invalid `eid` (`invalid_request`).",
          ),
          "401": unauthorized,
          "404": notFound,
          "413": bodyTooLarge,
          "409": errorResponse(
            "The step does not follow from the eSIM's state, e.g. installing a deleted eSIM or downloading it twice (`invalid_transition`).",
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
          "Only the eSIM's own carrier's packs. Top-ups are sold while the plan runs and for 7 days after it ends, never for a deleted eSIM.",
        responses: {
          "200": {
            description: "The packs and the top-up window.",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["data", "window"],
                  properties: {
                    data: { type: "array", items: { $ref: "#/components/schemas/TopUp" } },
                    window: { $ref: "#/components/schemas/TopUpWindow" },
                  },
                },
              },
            },
          },
          "401": unauthorized,
          "404": notFound,
        },
      },
    },
    // The scenario simulator (outside production only).
    "/esims/{iccid}/scenarios": {
      parameters: [iccidParameter],
      post: {
        operationId: "startScenario",
        summary: "Start a QA scenario on the eSIM (sandbox and test deployments only)",
        description:
          "Scripted network behaviour, played out over time through the job queue and the shop's own paths (usage records, the profile's state table, fulfilment), on the sandbox's clock: `SANDBOX_TIME_SCALE` times faster than real time. `usage_stream` uses `mb` over `hours` (1–72), one usage record every 15 minutes. `dead_zone` reports nothing for `minutes` (5–1440), then delivers the zone's `mb` in one late batch dated when the traffic happened, so `as_of` lags and then catches up. `smdp_outage` makes the eSIM's carrier's SM-DP+ unavailable to the account for `minutes` (1–1440): eSIM orders paid meanwhile stay paid with their eSIMs “preparing” and are issued by a retrying job once it answers; downloads answer 503 `smdp_unavailable`. `profile_deleted` is the phone reporting the profile removed (the state table decides: 409 once deleted). `mb` is 1–102400. Production answers 404.",
        requestBody: {
          required: true,
          content: { "application/json": { schema: requestSchema(scenarioSchema) } },
        },
        responses: {
          "202": {
            description: "Started; `ends_at` is when its last effect is due.",
            content: {
              "application/json": {
                schema: {
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
                      enum: ["released", "downloaded", "installed", "enabled", "disabled", "deleted"],
                    },
                  },
                },
              },
            },
          },
          "400": errorResponse(
            "The body is not valid JSON, names an unknown `type`, or a number out of its range (`invalid_request`).",
          ),
          "401": unauthorized,
          "404": errorResponse(
            "No eSIM with this ICCID in the token owner's account, or a production deployment (`not_found`).",
          ),
          "409": errorResponse(
            "Traffic on an eSIM that is not installed (`esim_not_active`), or deleting a deleted profile (`invalid_transition`).",
          ),
          "413": bodyTooLarge,
        },
      },
    },
  },
  components: {
    securitySchemes: {
      bearerAuth: {
        type: "http",
        scheme: "bearer",
        description: "A personal API token, `tabi_` followed by 43 characters.",
      },
    },
    schemas: {
      Usage: {
        type: "object",
        required: [
          "iccid",
          "status",
          "total",
          "remaining",
          "is_unlimited",
          "expired_at",
          "total_voice",
          "remaining_voice",
          "as_of",
          "carrier",
          "plan",
          "profile_state",
          "eid",
        ],
        properties: {
          iccid: { type: "string", examples: ["8981100022152967705"] },
          status: {
            enum: ["NOT_ACTIVE", "ACTIVE", "FINISHED", "EXPIRED"],
            description:
              "NOT_ACTIVE until first use on the network; FINISHED when no data is left; EXPIRED after the validity ends or once deleted.",
          },
          total: {
            type: ["integer", "null"],
            minimum: 0,
            description: "Data credited, in bytes (plan and top-ups); null for unlimited plans.",
          },
          remaining: {
            type: ["integer", "null"],
            minimum: 0,
            description: "Data left, in bytes; null for unlimited plans.",
          },
          is_unlimited: { type: "boolean" },
          expired_at: nullableInstant("When the validity ends (23:59:59 on the last day); null before first use."),
          total_voice: { type: "integer", minimum: 0, description: "Call time credited, in seconds." },
          remaining_voice: { type: "integer", minimum: 0, description: "Call time left, in seconds." },
          as_of: nullableInstant(
            "When the last usage record was received, i.e. how fresh these figures are; null before any.",
          ),
          carrier: { enum: ["DOCOMO", "KDDI_AU", "SOFTBANK"] },
          plan: { type: "string", description: "The plan's slug.", examples: ["au-1gb-3d"] },
          profile_state: {
            enum: ["released", "downloaded", "installed", "enabled", "disabled", "deleted"],
            description: "Where the profile is in its install lifecycle (see `POST /esims/{iccid}/events`).",
          },
          eid: {
            type: ["string", "null"],
            description: "The EID of the phone the profile was downloaded to; null before the download.",
            examples: ["89001012012341234012345678901224"],
          },
        },
      },
      TopUp: {
        type: "object",
        required: ["id", "data_bytes", "days_added", "price"],
        properties: {
          id: { type: "string", description: "The pack's slug.", examples: ["au-topup-1gb-7d"] },
          data_bytes: { type: "integer", minimum: 0 },
          days_added: { type: "integer", minimum: 0, description: "Days added to the validity." },
          price: {
            type: "object",
            required: ["amount", "currency"],
            properties: {
              amount: { type: "integer", description: "In the currency's minor units; JPY has none, so 880 is ¥880." },
              currency: { type: "string", examples: ["JPY"] },
            },
          },
        },
      },
      TopUpWindow: {
        type: "object",
        required: ["open", "closes_at", "reason"],
        properties: {
          open: { type: "boolean" },
          closes_at: nullableInstant(
            "When top-ups stop being sold; null while the plan has not started, or when closed.",
          ),
          reason: { enum: ["deleted", "grace_over", null], description: "Why the window is closed; null while open." },
        },
      },
      Error: {
        type: "object",
        required: ["error"],
        properties: {
          error: {
            type: "object",
            required: ["code", "message"],
            properties: {
              code: { enum: API_ERROR_CODES },
              message: { type: "string", description: "For people; may change. Match on `code`." },
            },
          },
        },
      },
    },
  },
};
