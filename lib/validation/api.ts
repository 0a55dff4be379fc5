import { z } from "./zod";
import { currentPasswordSchema } from "./auth";

// The token form, checked in the browser and again in the server action. Error messages are
// message keys under `Errors.`.
export const API_TOKEN_NAME_MAX_LENGTH = 60;

// How long a new token works, in days, as the form offers it; "never" for no expiry.
export const API_TOKEN_LIFETIMES = ["30", "90", "365", "never"] as const;
export type ApiTokenLifetime = (typeof API_TOKEN_LIFETIMES)[number];
export const DEFAULT_API_TOKEN_LIFETIME: ApiTokenLifetime = "90";

// A token acts for the account, so creating one takes the current password, as any other way
// into the account does.
export const createApiTokenSchema = z.object({
  name: z
    .string({ error: "token_name_required" })
    .trim()
    .min(1, { error: "token_name_required" })
    .max(API_TOKEN_NAME_MAX_LENGTH, { error: "token_name_too_long" }),
  expiresIn: z.enum(API_TOKEN_LIFETIMES, { error: "token_expiry_invalid" }).default(DEFAULT_API_TOKEN_LIFETIME),
  currentPassword: currentPasswordSchema,
});

export type CreateApiTokenInput = z.output<typeof createApiTokenSchema>;

export const revokeApiTokenSchema = z.object({ tokenId: z.string().regex(/^[a-z0-9]{20,40}$/) });

// Well above any request body the API takes (a usage record or a lifecycle event is a few
// hundred bytes); a larger one is refused before it is read whole.
export const MAX_JSON_BODY_BYTES = 8 * 1024;

// Usage records posted to the API. Messages here go to integrators as they are, so each one
// names its field. The limits are those of lib/balance/usage.ts, repeated because this file is
// also loaded in the browser (a test keeps them equal).
export const MAX_USAGE_DATA_BYTES = 100 * 1024 ** 3;
export const MAX_USAGE_VOICE_SECONDS = 24 * 60 * 60;
// Network clocks drift; a record stamped further ahead than this is a mistake, not skew.
export const MAX_FUTURE_SKEW_MS = 5 * 60_000;

export const usageRecordBody = z.strictObject(
  {
    record_id: z
      .string({ error: "record_id must be 1 to 100 characters: letters, digits, _ . : or -." })
      .regex(/^[A-Za-z0-9_.:-]{1,100}$/)
      .meta({
        description: "The carrier's id for this record; a repeated id is counted once.",
        examples: ["cdr-2026-12-01-000123"],
      }),
    data_bytes: z
      .int({ error: `data_bytes must be a whole number of bytes from 0 to ${MAX_USAGE_DATA_BYTES}.` })
      .min(0)
      .max(MAX_USAGE_DATA_BYTES)
      .default(0),
    voice_seconds: z
      .int({ error: `voice_seconds must be a whole number of seconds from 0 to ${MAX_USAGE_VOICE_SECONDS}.` })
      .min(0)
      .max(MAX_USAGE_VOICE_SECONDS)
      .default(0),
    occurred_at: z.iso
      .datetime({
        offset: true,
        error: "occurred_at must be an ISO 8601 date and time with an offset, like 2026-12-01T14:30:00+09:00.",
      })
      .optional()
      .meta({ description: "When the network saw the usage; defaults to now. At most 5 minutes in the future." }),
  },
  { error: (issue) => (issue.code === "invalid_type" ? "The body must be a JSON object." : undefined) },
);

// `now` is the eSIM's clock, which the simulator can run ahead of the real one.
export function usageRecordSchema(now: Date) {
  return usageRecordBody
    .refine((record) => record.data_bytes > 0 || record.voice_seconds > 0, {
      error: "Report data_bytes or voice_seconds greater than 0.",
    })
    .refine((record) => !record.occurred_at || Date.parse(record.occurred_at) <= now.getTime() + MAX_FUTURE_SKEW_MS, {
      path: ["occurred_at"],
      error: "occurred_at must not be more than 5 minutes in the future.",
    })
    .transform((record) => ({
      recordId: record.record_id,
      // Validated as a safe integer first, so the conversion is exact.
      dataBytes: BigInt(record.data_bytes),
      voiceSeconds: record.voice_seconds,
      occurredAt: record.occurred_at ? new Date(record.occurred_at) : undefined,
    }));
}

// Stripe's limit; visible ASCII only, so a key survives every proxy and log unchanged.
export const IDEMPOTENCY_KEY_MAX_LENGTH = 255;
export const idempotencyKeySchema = z
  .string()
  .regex(/^[\x21-\x7e]+$/)
  .max(IDEMPOTENCY_KEY_MAX_LENGTH);

// List endpoints: `limit` items after the opaque `cursor` a previous page answered.
export const MAX_PAGE_LIMIT = 100;
export const DEFAULT_PAGE_LIMIT = 20;
export const pageQuerySchema = z.strictObject(
  {
    limit: z.coerce
      .number({ error: `limit must be a whole number from 1 to ${MAX_PAGE_LIMIT}.` })
      .int({ error: `limit must be a whole number from 1 to ${MAX_PAGE_LIMIT}.` })
      .min(1, { error: `limit must be a whole number from 1 to ${MAX_PAGE_LIMIT}.` })
      .max(MAX_PAGE_LIMIT, { error: `limit must be a whole number from 1 to ${MAX_PAGE_LIMIT}.` })
      .default(DEFAULT_PAGE_LIMIT),
    cursor: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,200}$/, { error: "cursor must be the next_cursor of a previous page, as answered." })
      .optional(),
  },
  { error: (issue) => (issue.code === "unrecognized_keys" ? `Unknown query parameter: ${issue.keys[0]}.` : undefined) },
);
