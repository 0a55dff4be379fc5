import { z } from "./zod";
import { WEBHOOK_EVENT_TYPES } from "../webhooks/event-types";

// The endpoint form and the endpoint API share these; messages are keys under `Errors.` for the
// form, and read as they are by integrators.
export const WEBHOOK_DESCRIPTION_MAX_LENGTH = 200;
export const MAX_WEBHOOK_ENDPOINTS = 10;

const url = z
  .string({ error: "webhook_url_invalid" })
  .trim()
  .max(2048, { error: "webhook_url_invalid" })
  .refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value), { error: "webhook_url_invalid" });

const eventTypes = z
  .array(z.enum(WEBHOOK_EVENT_TYPES, { error: "webhook_event_types_invalid" }))
  .min(1, { error: "webhook_event_types_required" })
  .transform((types) => [...new Set(types)]);

const description = z
  .string()
  .trim()
  .max(WEBHOOK_DESCRIPTION_MAX_LENGTH, { error: "webhook_description_too_long" })
  .default("");

export const webhookEndpointBody = z.strictObject({ url, event_types: eventTypes, description });
export const webhookEndpointPatch = z.strictObject({
  url: url.optional(),
  event_types: eventTypes.optional(),
  description: description.optional(),
  enabled: z.boolean().optional(),
});
export const webhookTestBody = z.strictObject({ type: z.enum(WEBHOOK_EVENT_TYPES) });
export const webhookReplayBody = z.strictObject({ since: z.iso.datetime({ offset: true }) });

export type WebhookEndpointInput = { url: string; eventTypes: string[]; description: string };

export const webhookEndpointIdSchema = z.string().regex(/^[a-z0-9]{20,40}$/);

// The account page's form: one checkbox per event type (a form field holds one value each).
export const eventFieldName = (type: string) => `event:${type}`;

export const webhookEndpointFormSchema = z
  .object({
    url,
    description,
    ...Object.fromEntries(WEBHOOK_EVENT_TYPES.map((type) => [eventFieldName(type), z.literal("on").optional()])),
  })
  .transform((form, context) => {
    const eventTypes = WEBHOOK_EVENT_TYPES.filter((type) => (form as Record<string, unknown>)[eventFieldName(type)]);
    if (eventTypes.length === 0) {
      context.addIssue({ code: "custom", path: ["eventTypes"], message: "webhook_event_types_required" });
      return z.NEVER;
    }
    return { url: form.url, description: form.description, eventTypes };
  });

export const webhookEndpointFormId = z.object({ endpointId: webhookEndpointIdSchema });
export const webhookDeliveryFormId = z.object({
  endpointId: webhookEndpointIdSchema,
  deliveryId: webhookEndpointIdSchema,
});
export const webhookTestForm = z.object({ endpointId: webhookEndpointIdSchema, type: z.enum(WEBHOOK_EVENT_TYPES) });
export const webhookReplayForm = z.object({
  endpointId: webhookEndpointIdSchema,
  // A datetime-local field: Japan time, as every time on the site is.
  since: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: "webhook_since_invalid" }),
});
