import { z } from "./zod";

// The filters of the console's lists, read from the address. A value that does not parse is
// dropped rather than refused, so a hand-edited or stale link still lists something.

type SearchParams = Record<string, string | string[] | undefined>;

const page = z.coerce.number().int().min(1).max(10_000).catch(1);
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .regex(/^\P{Cc}*$/u)
    .transform((value) => value || undefined)
    .optional()
    .catch(undefined);
// A Japan calendar date, as a date input gives it.
const jstDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => !Number.isNaN(Date.parse(value)))
  .optional()
  .catch(undefined);

export const OUTBOX_STATUSES = ["FAILED", "PENDING"] as const;

export const outboxFiltersSchema = z.object({
  status: z.enum(OUTBOX_STATUSES).optional().catch(undefined),
  page,
});

export type OutboxFilters = z.infer<typeof outboxFiltersSchema>;

export const parseOutboxFilters = (params: SearchParams) => outboxFiltersSchema.parse(params);

export const WEBHOOK_TABS = ["received", "outgoing"] as const;

export const webhookEventFiltersSchema = z.object({
  tab: z.enum(WEBHOOK_TABS).catch("received"),
  type: z
    .string()
    .regex(/^[a-z_.]{1,100}$/)
    .optional()
    .catch(undefined),
  page,
});

export type WebhookEventFilters = z.infer<typeof webhookEventFiltersSchema>;

export const parseWebhookEventFilters = (params: SearchParams) => webhookEventFiltersSchema.parse(params);

export const auditLogFiltersSchema = z.object({
  actor: text(254),
  action: text(60),
  target: text(100),
  from: jstDay,
  to: jstDay,
  page,
});

export type AuditLogFilters = z.infer<typeof auditLogFiltersSchema>;

export const parseAuditLogFilters = (params: SearchParams) => auditLogFiltersSchema.parse(params);

// The outbox's retry button: the email it puts back.
export const retryEmailSchema = z.object({ emailId: z.string().min(1).max(100) });
