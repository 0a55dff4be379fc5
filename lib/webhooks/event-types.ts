import { z } from "../validation/zod";

// Every event an endpoint can subscribe to, in the order the pages list them. Integrators
// match on these names, so they are only ever added to.
export const WEBHOOK_EVENT_TYPES = [
  "order.fulfilled",
  "order.refunded",
  "esim.downloaded",
  "esim.installed",
  "esim.enabled",
  "esim.suspended",
  "esim.usage_threshold",
  "esim.expiring",
  "esim.expired",
  "topup.applied",
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const webhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES);

// Sent once when an endpoint is saved, never subscribed to: it must answer 2xx to be kept.
export const VERIFICATION_EVENT_TYPE = "webhook.verification";

const instant = z.string().meta({ format: "date-time", description: "Japan time, with the +09:00 offset." });
const nullableInstant = instant.nullable();

// The API's own usage object (GET /esims/{iccid}/usage), as it stood when the event happened.
export const usagePayloadSchema = z.object({
  iccid: z.string(),
  status: z.enum(["NOT_ACTIVE", "ACTIVE", "FINISHED", "EXPIRED"]),
  total: z.number().int().nullable(),
  remaining: z.number().int().nullable(),
  is_unlimited: z.boolean(),
  expired_at: nullableInstant,
  total_voice: z.number().int(),
  remaining_voice: z.number().int(),
  as_of: nullableInstant,
  carrier: z.enum(["DOCOMO", "KDDI_AU", "SOFTBANK"]),
  plan: z.string(),
  profile_state: z.enum(["released", "downloaded", "installed", "enabled", "disabled", "deleted", "revoked"]),
  eid: z.string().nullable(),
});

const money = z.object({
  amount: z.number().int().meta({ description: "In the currency's minor units; JPY has none." }),
  currency: z.string(),
});

export const orderPayloadSchema = z.object({
  id: z.string(),
  reference: z.string().meta({ description: "The reference on the buyer's receipt.", examples: ["TB-4F2K9Q1Z"] }),
  kind: z.enum(["esim", "topup"]),
  status: z.enum(["fulfilled", "partially_refunded", "refunded"]),
  total: money,
  plan: z.string().nullable().meta({ description: "The plan's slug, for an eSIM order." }),
  topup_pack: z.string().nullable().meta({ description: "The pack's slug, for a top-up order." }),
  iccids: z.array(z.string()).meta({ description: "The eSIMs issued, or the one topped up." }),
  paid_at: nullableInstant,
});

const esimData = z.object({ iccid: z.string(), usage: usagePayloadSchema });

// What each event's `data` holds.
export const eventDataSchemas = {
  "order.fulfilled": z.object({ order: orderPayloadSchema }),
  "order.refunded": z.object({ order: orderPayloadSchema, refunded_at: instant }),
  "esim.downloaded": esimData,
  "esim.installed": esimData,
  "esim.enabled": esimData.extend({
    valid_from: instant.meta({ description: "First use on the network: validity starts here." }),
  }),
  "esim.suspended": esimData,
  "esim.usage_threshold": esimData.extend({
    level: z.enum(["75%", "90%", "100%", "throttled"]).meta({
      description: "Share of a package's data used, or `throttled`: an unlimited plan's daily allowance is used up.",
    }),
  }),
  "esim.expiring": esimData.extend({ days_left: z.union([z.literal(3), z.literal(1)]), expires_at: instant }),
  "esim.expired": esimData.extend({ expired_at: instant }),
  "topup.applied": esimData.extend({
    order_reference: z.string(),
    topup: z.object({
      id: z.string(),
      data_bytes: z.number().int(),
      days_added: z.number().int(),
      price: money,
    }),
  }),
} satisfies Record<WebhookEventType, z.ZodType>;

export type EventData<Type extends WebhookEventType> = z.output<(typeof eventDataSchemas)[Type]>;

export const verificationDataSchema = z.object({
  url: z.string().meta({ description: "The address being saved." }),
});

// The body of every delivery: Standard Webhooks' envelope.
export function envelopeSchema<Type extends string>(type: Type, data: z.ZodType) {
  return z.object({ type: z.literal(type), timestamp: z.string().meta({ format: "date-time" }), data });
}
