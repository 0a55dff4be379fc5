import { z } from "./zod";

// The console's search box and order forms.

type SearchParams = Record<string, string | string[] | undefined>;

// From the address: a value that does not parse is dropped, so a hand-edited link still works.
export const consoleSearchSchema = z.object({
  q: z
    .string()
    .trim()
    .max(254)
    .regex(/^\P{Cc}*$/u)
    .catch(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export const parseConsoleSearch = (params: SearchParams) => consoleSearchSchema.parse(params);

const orderId = z.string().regex(/^[a-z0-9]{20,40}$/);

export const ORDER_NOTE_MAX = 2000;

export const orderNoteSchema = z.object({
  orderId,
  body: z.string().trim().min(1, { error: "note_empty" }).max(ORDER_NOTE_MAX, { error: "note_too_long" }),
});

export type OrderNoteInput = z.infer<typeof orderNoteSchema>;
