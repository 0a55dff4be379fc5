import { Prisma } from "@prisma/client";
import { JST_OFFSET_MS } from "./jst";

const JST_OFFSET_HOURS = JST_OFFSET_MS / (60 * 60 * 1000);

// The Japan date (YYYY-MM-DD, as jstDate writes it) of a timestamp, for grouping rows by JST day
// in the database: a column by name (which comes from code, never from a request) or an
// expression. The shop's columns hold UTC without a zone, so adding the offset gives Japan
// wall-clock time; a column with a zone (`zoned`, as the job queue's are) is read as UTC first.
export function jstDateSql(timestamp: string | Prisma.Sql, { zoned = false } = {}): Prisma.Sql {
  const value = typeof timestamp === "string" ? Prisma.raw(`"${timestamp}"`) : timestamp;
  const utc = zoned ? Prisma.sql`(${value} AT TIME ZONE 'UTC')` : value;
  return Prisma.sql`to_char((${utc} + ${Prisma.raw(`interval '${JST_OFFSET_HOURS} hours'`)}), 'YYYY-MM-DD')`;
}
