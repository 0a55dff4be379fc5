import "server-only";
import { z } from "zod";
import { pageQuerySchema } from "../validation/api";
import { apiError } from "./responses";

// Keyset pagination, newest first: a page is the `limit` rows after the last row of the
// previous one, so rows added meanwhile neither repeat nor push others off a page (an offset
// would do both). The cursor is opaque to clients: base64url of the last row's creation time
// and id (the tie-breaker for rows created in the same millisecond).

export type Page = { limit: number; after: { createdAt: Date; id: string } | null };

const cursorSchema = z.tuple([z.iso.datetime(), z.string().min(1).max(100)]);

function decodeCursor(cursor: string): Page["after"] | undefined {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return parsed.success ? { createdAt: new Date(parsed.data[0]), id: parsed.data[1] } : undefined;
  } catch {
    return undefined;
  }
}

export const encodeCursor = (row: { createdAt: Date; id: string }) =>
  Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id])).toString("base64url");

const invalid = (message: string) => ({
  status: "refused" as const,
  response: apiError(400, "invalid_request", message),
});

export function pageOf(request: Request): { status: "valid"; page: Page } | { status: "refused"; response: Response } {
  const parsed = pageQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return invalid(parsed.error.issues[0]?.message ?? "The query is not valid.");
  const { limit, cursor } = parsed.data;
  if (cursor === undefined) return { status: "valid", page: { limit, after: null } };
  const after = decodeCursor(cursor);
  return after
    ? { status: "valid", page: { limit, after } }
    : invalid("cursor must be the next_cursor of a previous page, as answered.");
}

// The rows after the cursor, for a query ordered by createdAt desc, id desc.
export function afterCursor({ after }: Page) {
  if (!after) return {};
  return { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] };
}

export const NEWEST_FIRST = [{ createdAt: "desc" as const }, { id: "desc" as const }];

// One more row than the page is asked for says whether another page follows.
export const rowsToTake = ({ limit }: Page) => limit + 1;

export function pageBody<Row extends { createdAt: Date; id: string }, Item>(
  rows: Row[],
  { limit }: Page,
  toItem: (row: Row) => Item,
) {
  const hasMore = rows.length > limit;
  const shown = rows.slice(0, limit);
  return {
    data: shown.map(toItem),
    has_more: hasMore,
    next_cursor: hasMore ? encodeCursor(shown[shown.length - 1]!) : null,
  };
}
